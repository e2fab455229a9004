"""What importers say, Vietnamese first: why a source was refused, and what a draft needs reviewed."""

from __future__ import annotations

from trainer.store.problems import language

MESSAGES: dict[str, tuple[str, str]] = {
    # refusals: the whole import stops, nothing is written
    "not-found": ("không tìm thấy tệp hoặc thư mục", "no such file or folder"),
    "no-library": ("không có thư mục thư viện {library}", "no library folder {library}"),
    "unknown-kind": (
        "không nhập được loại tệp '{suffix}'; Trainer nhập: {known}",
        "cannot import '{suffix}' files; Trainer imports: {known}",
    ),
    "unreadable": ("không đọc được tệp ({detail})", "cannot be read ({detail})"),
    "damaged": ("tệp {kind} bị hỏng hoặc không đầy đủ ({detail})", "a damaged or incomplete {kind} file ({detail})"),
    "encrypted": (
        "tệp được bảo vệ bằng mật khẩu; hãy lưu một bản không có mật khẩu rồi nhập bản đó",
        "the file is protected by a password; save a copy without the password and import that",
    ),
    "too-big": ("tệp quá lớn ({size} MB, tối đa {limit} MB)", "file is too large ({size} MB, at most {limit} MB)"),
    "too-many-pages": (
        "có {count} trang, tối đa {limit}; hãy tách tệp PDF và nhập phần cần dùng",
        "{count} pages, at most {limit}; split the PDF and import the part you need",
    ),
    "too-many-pictures": (
        "có {count} ảnh, tối đa {limit} trong một lần nhập; hãy chia thành nhiều thư mục",
        "{count} pictures, at most {limit} in one import; split them into several folders",
    ),
    "scanned-pdf": (
        "tệp PDF không có chữ (là bản quét); hãy chụp hoặc xuất các trang thành ảnh rồi nhập thư mục ảnh",
        "the PDF holds no text (it is a scan); save its pages as pictures and import that folder",
    ),
    "no-content": ("không có nội dung nào để làm các bước", "nothing in it to make steps from"),
    "no-images": ("thư mục không có ảnh dùng được (.png, .jpg, .webp)", "no usable pictures in it (.png, .jpg, .webp)"),
    "needs-libreoffice": (
        "cần LibreOffice để đọc tệp {kind} đời cũ: hãy cài LibreOffice, hoặc mở tệp và lưu lại dạng {modern}",
        "reading old {kind} files needs LibreOffice: install LibreOffice, or open the file and save it as {modern}",
    ),
    "convert-failed": ("LibreOffice không chuyển được tệp ({detail})", "LibreOffice could not convert it ({detail})"),
    "write-failed": ("không ghi được vào {library}: {detail}", "cannot write into {library}: {detail}"),
    "kit": ("{detail}", "{detail}"),
    "picture-too-large": ("hình quá lớn ({size}tối đa {limit} megapixel)", "too large ({size}at most {limit} megapixels)"),
    "picture-unreadable": ("không đọc được hình", "not a readable picture"),
    "imported": (
        "{target}: đã nhập {steps} bước từ '{source}' thành bản nháp",
        "{target}: {steps} step(s) imported from '{source}' as a draft",
    ),
    # review lines: the draft exists, a person should look at these
    "review-draft": (
        "Bản nháp tạo từ '{source}': đọc lại từng bước so với bản gốc trước khi duyệt.",
        "Draft made from '{source}': read every step against the original before review.",
    ),
    "review-topic": ("Chọn chủ đề (đang để '{topic}').", "Choose a topic (set to '{topic}' for now)."),
    "review-summary": ("Viết phần tóm tắt (đang là câu mặc định).", "Write the summary (a default sentence for now)."),
    "review-link": ("Thêm liên kết chính thức.", "Add the official link."),
    "review-legacy": (
        "Chữ được chuyển từ bảng mã {encoding} sang Unicode: kiểm tra lại dấu.",
        "Text converted from {encoding} to Unicode: check the accents.",
    ),
    "review-too-many": (
        "Có {count} bước, nhiều hơn {limit}: hãy tách thành nhiều hướng dẫn (nhập lại với lựa chọn tách theo đề mục, --split).",
        "{count} steps, more than {limit}: split it into several guides (import again with the split choice, --split).",
    ),
    "review-no-text": (
        "Bước {n}: viết việc cần làm (bản gốc không có chữ).",
        "Step {n}: write what to do (no text in the source).",
    ),
    "review-same-text": (
        "Bước {n}: nội dung đang nhắc lại tiêu đề; viết rõ việc cần làm.",
        "Step {n}: the text repeats the title; say what to do in more detail.",
    ),
    "review-title-short": ("Bước {n}: tiêu đề đã được rút gọn.", "Step {n}: the title was shortened."),
    "review-to-notes": (
        "Bước {n}: nội dung dài quá một thẻ; phần sau đã chuyển vào ghi chú người trình bày.",
        "Step {n}: the text was too long for a card; the rest moved to the presenter notes.",
    ),
    "review-extra-images": (
        "Bước {n}: bỏ {count} hình thừa (mỗi bước một hình).",
        "Step {n}: {count} more picture(s) left out (one picture per step).",
    ),
    "review-bad-image": ("Bước {n}: bỏ hình '{name}': {detail}", "Step {n}: picture '{name}' left out: {detail}"),
    "review-duplicates": ("Đã bỏ {count} ảnh trùng nhau.", "{count} duplicate picture(s) dropped."),
    "review-screen-titles": (
        "Bước {steps}: viết tiêu đề và việc cần làm cho từng ảnh chụp màn hình.",
        "Steps {steps}: write a title and what to do for each screenshot.",
    ),
    "review-guessed-titles": (
        "Bước {steps}: tiêu đề được đoán từ chữ trên màn hình; sửa lại cho đúng.",
        "Steps {steps}: titles guessed from text on the screen; correct them.",
    ),
    "review-not-scanned": (
        "Hình ở bước {steps} CHƯA được quét tìm thông tin cá nhân (không chạy được nhận dạng): tự che tên, số giấy tờ, "
        "số điện thoại, khuôn mặt.",
        "The pictures of step(s) {steps} were NOT scanned for personal data (detection could not run): blur names, "
        "ID and phone numbers, faces yourself.",
    ),
    "review-scanned": (
        "Đã đề xuất {count} vùng làm mờ thông tin cá nhân: kiểm tra từng vùng.",
        "{count} blur mark(s) proposed over personal data: check each one.",
    ),
    "review-scanned-none": (
        "Đã quét ảnh, không thấy thông tin cá nhân; vẫn nên xem lại từng ảnh.",
        "The pictures were scanned and no personal data was found; still look at each one.",
    ),
}


def say(code: str, lang: str | None = None, **params: object) -> str:
    """The message for `code` in Vietnamese or English, filled with `params`."""
    vi, en = MESSAGES[code]
    return (vi if (lang or language()) == "vi" else en).format(**params)
