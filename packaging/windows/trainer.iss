; Trainer's Windows installer (Inno Setup 6.5 or newer).
;
;   python -m PyInstaller --noconfirm packaging/trainer.spec          -> dist\Trainer\Trainer.exe
;   iscc /DAppVersion=1.2.3 packaging\windows\trainer.iss              -> dist\Trainer-1.2.3-setup.exe
;
; Per user, no administrator: everything goes under the user's own profile (%LOCALAPPDATA%\Programs\Trainer,
; the user's Start menu, HKEY_CURRENT_USER), so an editor installs and updates it on a locked-down office PC.
; The user's guides (Documents\Trainer\Hướng dẫn, made by the app on first start) and settings (the app's QSettings
; under HKCU\Software\Trainer) are never touched by install, update or uninstall.
; Saved as UTF-8 with a byte order mark: Inno Setup reads a script without one in the ANSI code page.
; tests/packaging/test_installer_script.py checks this file on Linux (there is no iscc there).

#ifndef AppVersion
  #define AppVersion "0.0.0-dev"
#endif
; The PyInstaller output, relative to this file (the workflow may pass /DDistDir=...).
#ifndef DistDir
  #define DistDir "..\..\dist\Trainer"
#endif
; The licences as shown on the wizard page: the workflow passes a copy with a UTF-8 byte order mark, without
; which Inno Setup would read the non-ASCII names in it in the ANSI code page.
#ifndef LicencesText
  #define LicencesText DistDir + "\THIRD-PARTY-LICENSES"
#endif
#define AppName "Trainer"
#define AppExe "Trainer.exe"

[Setup]
; Never change AppId: updates and the uninstaller find an installed Trainer by it.
AppId={{AC4255F5-C85B-461D-8287-B052D829384B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Trainer
PrivilegesRequired=lowest
; A double-click always installs for the current user; an IT department may still pass /ALLUSERS (then
; Program Files, the common Start menu, and HKA below is HKEY_LOCAL_MACHINE). /CURRENTUSER forces per user.
PrivilegesRequiredOverridesAllowed=commandline
; {autopf} is %LOCALAPPDATA%\Programs when installing for the current user only.
DefaultDirName={autopf}\{#AppName}
DisableDirPage=yes
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
InfoBeforeFile={#LicencesText}
UninstallDisplayIcon={app}\{#AppExe}
; The setup program shows the app's icon (the same file PyInstaller puts in Trainer.exe; tools/make_icon.py).
SetupIconFile=..\..\src\trainer\resources\icons\trainer.ico
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=Trainer-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; An update closes a running Trainer first (Restart Manager) instead of failing on locked files.
CloseApplications=yes
RestartApplications=no
; The right-click verbs below change what Explorer shows: tell it.
ChangesAssociations=yes

[Languages]
; Vietnamese first: the default when Windows' display language is neither.
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.AppComment=Viết hướng dẫn từng bước một lần, xuất ra ảnh, video, tài liệu in, trình chiếu và trang web
en.AppComment=Write a step-by-step guide once; export it as pictures, clips, handouts, slides and web pages
vi.OpenWithTrainer=Mở bằng Trainer
en.OpenWithTrainer=Open with Trainer
vi.IntegrationGroup=Tích hợp với Windows:
en.IntegrationGroup=Windows integration:
vi.TaskOpenWith=Thêm "Mở bằng Trainer" vào menu chuột phải của thư mục và tệp .md
en.TaskOpenWith=Add "Open with Trainer" to the right-click menu of folders and .md files
vi.LicencesShortcut=Giấy phép phần mềm bên thứ ba
en.LicencesShortcut=Third-party licences
vi.LibraryKept=Trainer đã được gỡ khỏi máy. Các hướng dẫn của bạn trong thư mục Documents\Trainer và các thiết lập vẫn được giữ nguyên.
en.LibraryKept=Trainer has been removed. Your guides in the Documents\Trainer folder and your settings are kept.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "{cm:TaskOpenWith}"; GroupDescription: "{cm:IntegrationGroup}"

[InstallDelete]
; An update replaces the whole program: modules the new version no longer ships must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The licences once more where a person looks for them: beside the program, readable in Notepad.
Source: "{#LicencesText}"; DestDir: "{app}"; DestName: "THIRD-PARTY-LICENSES.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autoprograms}\{#AppName} - {cm:LicencesShortcut}"; Filename: "{app}\THIRD-PARTY-LICENSES.txt"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; "Mở bằng Trainer" on a folder (a guide folder or a whole library) and on any .md file. HKA is
; HKEY_CURRENT_USER in the (default) per-user install, so this is HKCU\Software\Classes, for this user only.
; SystemFileAssociations adds a verb without taking the .md default away from the editor's Markdown program.
Root: HKA; Subkey: "Software\Classes\Directory\shell\Trainer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithTrainer}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Directory\shell\Trainer"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\{#AppExe}"",0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Directory\shell\Trainer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" app ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.md\shell\Trainer"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWithTrainer}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.md\shell\Trainer"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\{#AppExe}"",0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.md\shell\Trainer\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" app ""%1"""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program's own folder. Documents\Trainer (the user's guides) and the settings stay.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('LibraryKept'), mbInformation, MB_OK);
end;
