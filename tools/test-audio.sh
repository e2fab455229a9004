#!/usr/bin/env bash
# A virtual microphone for the recording tests: a PulseAudio daemon (started when none runs) with a
# null sink "trainer_null" and a source "trainer_mic" that hears whatever plays into that sink
# (module-remap-source over the sink's monitor: Qt lists no monitor sources as microphones).
# `paplay --device=trainer_null known.wav` is then what the app records. Prints the server address
# for PULSE_SERVER. Exits 1 (saying why) when PulseAudio is not installed or will not start.
set -u
if ! command -v pulseaudio >/dev/null 2>&1 || ! command -v pactl >/dev/null 2>&1; then
  echo "test-audio: pulseaudio and pulseaudio-utils are not installed (tools/install-system-deps.sh)" >&2
  exit 1
fi
if ! pactl info >/dev/null 2>&1; then
  # As root (CI) PulseAudio warns but runs in per-user mode; -n skips default.pa (no real sound card
  # here) and loads only the native protocol; never exit when idle, the tests come later.
  pulseaudio --daemonize=yes --exit-idle-time=-1 --system=false -n \
    --load=module-native-protocol-unix --load=module-always-sink >/dev/null 2>&1
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
fi
if ! pactl info >/dev/null 2>&1; then
  echo "test-audio: the PulseAudio daemon did not start" >&2
  exit 1
fi
pactl list short sinks | grep -q $'\ttrainer_null\t' ||
  pactl load-module module-null-sink sink_name=trainer_null sink_properties=device.description=TrainerSpeaker >/dev/null
pactl list short sources | grep -q $'\ttrainer_mic\t' ||
  pactl load-module module-remap-source master=trainer_null.monitor source_name=trainer_mic \
    source_properties=device.description=TrainerTestMic >/dev/null
pactl info | sed -n 's/^Server String: //p'
