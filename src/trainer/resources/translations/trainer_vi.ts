<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AudioFileField</name>
    <message>
        <source>The guide&apos;s own music, if it has one</source>
        <translation>Nhạc nền của hướng dẫn, nếu có</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Pick an MP3, M4A, OGG or WAV file</source>
        <translation>Chọn một tệp MP3, M4A, OGG hoặc WAV</translation>
    </message>
    <message>
        <source>Background music</source>
        <translation>Nhạc nền</translation>
    </message>
    <message>
        <source>Sound files (*.mp3 *.m4a *.ogg *.wav)</source>
        <translation>Tệp âm thanh (*.mp3 *.m4a *.ogg *.wav)</translation>
    </message>
</context>
<context>
    <name>BrandingDialog</name>
    <message>
        <source>Department</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>A library can keep several: the province, a district partner, an enterprise team</source>
        <translation>Một thư viện có thể có nhiều đơn vị: cấp tỉnh, đối tác cấp huyện, tổ của doanh nghiệp</translation>
    </message>
    <message>
        <source>Text size and colours to start from</source>
        <translation>Cỡ chữ và màu nền để bắt đầu</translation>
    </message>
    <message>
        <source>e.g. Sở Khoa học và Công nghệ tỉnh Lào Cai</source>
        <translation>ví dụ: Sở Khoa học và Công nghệ tỉnh Lào Cai</translation>
    </message>
    <message>
        <source>e.g. Sở KH&amp;CN Lào Cai</source>
        <translation>ví dụ: Sở KH&amp;CN Lào Cai</translation>
    </message>
    <message>
        <source>One or more numbers, separated by commas</source>
        <translation>Một hoặc nhiều số, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Empty: the department name and hotline</source>
        <translation>Để trống: tên đơn vị và đường dây nóng</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Chưa có logo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>A PNG with a transparent background, or an SVG</source>
        <translation>Ảnh PNG nền trong suốt, hoặc SVG</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>The header band; its text is white</source>
        <translation>Dải tiêu đề; chữ trên đó màu trắng</translation>
    </message>
    <message>
        <source>Step numbers and the hotline</source>
        <translation>Số thứ tự các bước và đường dây nóng</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Màu chính</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Màu nhấn</translation>
    </message>
    <message>
        <source>Branding</source>
        <translation>Bộ nhận diện</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Dựa trên</translation>
    </message>
    <message>
        <source>Department name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Tên ngắn</translation>
    </message>
    <message>
        <source>Hotline(s)</source>
        <translation>Đường dây nóng</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <source>Footer line</source>
        <translation>Dòng chân trang</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Màu sắc</translation>
    </message>
    <message>
        <source>Preview: a card, a handout page and a slide</source>
        <translation>Xem trước: thẻ hình, trang tài liệu in và trang chiếu</translation>
    </message>
    <message>
        <source>Save and use for this library</source>
        <translation>Lưu và dùng cho thư viện này</translation>
    </message>
    <message>
        <source>Use no branding</source>
        <translation>Không dùng bộ nhận diện</translation>
    </message>
    <message>
        <source>Go back to the built-in department name and hotline</source>
        <translation>Quay về tên đơn vị và đường dây nóng có sẵn</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>New branding…</source>
        <translation>Đơn vị mới…</translation>
    </message>
    <message>
        <source>Write the department&apos;s name.</source>
        <translation>Hãy ghi tên đơn vị.</translation>
    </message>
    <message>
        <source>No hotline: outputs will not say whom to call.</source>
        <translation>Chưa có đường dây nóng: tài liệu sẽ không cho biết gọi ai khi cần.</translation>
    </message>
    <message>
        <source>The website must start with https://</source>
        <translation>Trang web phải bắt đầu bằng https://</translation>
    </message>
    <message>
        <source>the white text on the main colour</source>
        <translation>chữ trắng trên màu chính</translation>
    </message>
    <message>
        <source>the white numbers on the highlight colour</source>
        <translation>số trắng trên màu nhấn</translation>
    </message>
    <message>
        <source>Text would be hard to read: %1 has contrast %3:1, at least %4:1 is needed. Choose a darker colour.</source>
        <translation>Chữ sẽ khó đọc: %1 có độ tương phản %3:1, cần ít nhất %4:1. Hãy chọn màu đậm hơn.</translation>
    </message>
    <message>
        <source>✔ Readable in every output (contrast %1:1 or more).</source>
        <translation>✔ Đọc rõ trên mọi tài liệu (độ tương phản từ %1:1 trở lên).</translation>
    </message>
    <message>
        <source>No guide to show</source>
        <translation>Chưa có hướng dẫn để xem thử</translation>
    </message>
    <message>
        <source>Department logo</source>
        <translation>Logo của đơn vị</translation>
    </message>
    <message>
        <source>Logos (*.png *.svg *.jpg *.jpeg)</source>
        <translation>Logo (*.png *.svg *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>✔ Saved in %1 and used for every output of this library.</source>
        <translation>✔ Đã lưu vào %1 và dùng cho mọi tài liệu của thư viện này.</translation>
    </message>
    <message>
        <source>Outputs of this library use the built-in theme again.</source>
        <translation>Tài liệu của thư viện này lại dùng giao diện có sẵn.</translation>
    </message>
</context>
<context>
    <name>CalloutList</name>
    <message>
        <source>Add tip</source>
        <translation>Thêm mẹo</translation>
    </message>
    <message>
        <source>Add warning</source>
        <translation>Thêm cảnh báo</translation>
    </message>
    <message>
        <source>Add caution</source>
        <translation>Thêm cẩn thận</translation>
    </message>
    <message>
        <source>Edit box</source>
        <translation>Sửa hộp lưu ý</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>Thêm hộp lưu ý</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>Xóa hộp lưu ý</translation>
    </message>
</context>
<context>
    <name>CalloutRow</name>
    <message>
        <source>Tip</source>
        <translation>Mẹo</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Cẩn thận</translation>
    </message>
    <message>
        <source>Remove this box</source>
        <translation>Xóa hộp này</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation>Chọn màu</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PNG pictures (sharpest)</source>
        <translation>Ảnh PNG (nét nhất)</translation>
    </message>
    <message>
        <source>JPEG pictures (smaller, for Zalo and Facebook)</source>
        <translation>Ảnh JPEG (nhẹ hơn, cho Zalo và Facebook)</translation>
    </message>
    <message>
        <source>Add the practice pauses as slides</source>
        <translation>Thêm các lúc dừng thực hành thành trang</translation>
    </message>
    <message>
        <source>Use the recorded narration</source>
        <translation>Dùng lời thuyết minh đã ghi âm</translation>
    </message>
    <message>
        <source>Computer voice where there is no recording</source>
        <translation>Giọng máy đọc ở chỗ chưa có ghi âm</translation>
    </message>
    <message>
        <source>Background music file</source>
        <translation>Tệp nhạc nền</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>Xuất “%1”</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>Không dùng được %1: %2</translation>
    </message>
    <message>
        <source>No export formats are installed.</source>
        <translation>Chưa có định dạng xuất nào.</translation>
    </message>
    <message>
        <source>Colours and text size; &apos;large-print&apos; for older readers, &apos;grayscale&apos; for black-and-white printers</source>
        <translation>Màu và cỡ chữ; &apos;large-print&apos; cho người lớn tuổi, &apos;grayscale&apos; cho máy in trắng đen</translation>
    </message>
    <message>
        <source>The folder the files are saved in</source>
        <translation>Thư mục lưu các tệp</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Pick the folder the files are saved in</source>
        <translation>Chọn thư mục lưu các tệp</translation>
    </message>
    <message>
        <source>Open the folder when done</source>
        <translation>Mở thư mục khi xong</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>Lưu vào</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>Problems and the files made will be listed here.</source>
        <translation>Lỗi và các tệp đã tạo sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save exports in</source>
        <translation>Lưu bản xuất vào</translation>
    </message>
    <message>
        <source>Tick at least one format.</source>
        <translation>Hãy chọn ít nhất một định dạng.</translation>
    </message>
    <message>
        <source>Fix these first:</source>
        <translation>Hãy sửa các lỗi này trước:</translation>
    </message>
    <message>
        <source>Cannot use the folder %1: %2</source>
        <translation>Không dùng được thư mục %1: %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Stopped; unfinished files were not kept</source>
        <translation>Đã dừng; tệp chưa xong không được giữ lại</translation>
    </message>
    <message>
        <source>Finished with problems</source>
        <translation>Xong nhưng có lỗi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>FormatBox</name>
    <message>
        <source>All sizes</source>
        <translation>Tất cả cỡ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Cỡ</translation>
    </message>
    <message>
        <source>Nothing to choose: one .%1 file per guide</source>
        <translation>Không cần chọn gì: mỗi hướng dẫn một tệp .%1</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary (Từ cần biết)</source>
        <translation>Từ cần biết</translation>
    </message>
    <message>
        <source>Words a first-time smartphone user may not know. Each gets one plain sentence of at most %1 words. Handouts, web pages and presenter notes explain the terms a guide uses.</source>
        <translation>Những từ người mới dùng điện thoại thông minh có thể chưa biết. Mỗi từ được giải thích bằng một câu dễ hiểu, tối đa %1 chữ. Tờ hướng dẫn in, trang web và ghi chú trình chiếu giải thích các từ mà hướng dẫn dùng.</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Cách viết khác</translation>
    </message>
    <message>
        <source>Other ways guides write the term, separated by commas</source>
        <translation>Những cách viết khác của từ này trong các hướng dẫn, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>Thêm từ</translation>
    </message>
    <message>
        <source>Add an empty row at the end and start typing the term</source>
        <translation>Thêm một dòng trống ở cuối và gõ từ cần giải thích</translation>
    </message>
    <message>
        <source>Remove term</source>
        <translation>Xóa từ</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>Xóa các dòng đang chọn</translation>
    </message>
    <message>
        <source>Row %1: the term is empty</source>
        <translation>Dòng %1: chưa có từ</translation>
    </message>
    <message>
        <source>Row %1: &apos;%2&apos; has no explanation</source>
        <translation>Dòng %1: từ &apos;%2&apos; chưa có lời giải thích</translation>
    </message>
    <message>
        <source>Row %1: the explanation of &apos;%2&apos; has %3 words, at most %4</source>
        <translation>Dòng %1: lời giải thích từ &apos;%2&apos; có %3 chữ, tối đa %4</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 trên %2 chữ</translation>
    </message>
    <message>
        <source>Hard words the guides use that no entry explains yet: %1</source>
        <translation>Từ khó các hướng dẫn đang dùng mà chưa được giải thích: %1</translation>
    </message>
    <message>
        <source>The glossary could not be saved: %1</source>
        <translation>Không lưu được bảng từ cần biết: %1</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Từ cần biết</translation>
    </message>
    <message>
        <source>Fix this in a text editor first, so no entry is lost:
%1</source>
        <translation>Hãy sửa lỗi này bằng trình soạn thảo văn bản trước, để không mất mục nào:
%1</translation>
    </message>
</context>
<context>
    <name>GuideEditor</name>
    <message>
        <source>Add step</source>
        <translation>Thêm bước</translation>
    </message>
    <message>
        <source>Add a new step after the selected one</source>
        <translation>Thêm một bước mới sau bước đang chọn</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Nhân bản bước</translation>
    </message>
    <message>
        <source>Make a copy of the selected step</source>
        <translation>Tạo bản sao của bước đang chọn</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>Xóa bước</translation>
    </message>
    <message>
        <source>Remove the selected step (you can undo)</source>
        <translation>Xóa bước đang chọn (có thể hoàn tác)</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Chuyển bước lên</translation>
    </message>
    <message>
        <source>Move the selected step one place earlier</source>
        <translation>Đưa bước đang chọn lên trước một vị trí</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Chuyển bước xuống</translation>
    </message>
    <message>
        <source>Move the selected step one place later</source>
        <translation>Đưa bước đang chọn ra sau một vị trí</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>Make the selected words bold</source>
        <translation>In đậm chữ đang chọn</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>Make the selected words italic</source>
        <translation>In nghiêng chữ đang chọn</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Turn the selected lines into a list</source>
        <translation>Biến các dòng đang chọn thành danh sách</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Chọn hình…</translation>
    </message>
    <message>
        <source>Pick a picture file for this step</source>
        <translation>Chọn tệp hình cho bước này</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Dán hình</translation>
    </message>
    <message>
        <source>Use the picture you copied (for example a screenshot)</source>
        <translation>Dùng hình bạn vừa sao chép (ví dụ ảnh chụp màn hình)</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Bỏ hình</translation>
    </message>
    <message>
        <source>Take the picture off this step (the file stays in the folder)</source>
        <translation>Bỏ hình khỏi bước này (tệp vẫn còn trong thư mục)</translation>
    </message>
    <message>
        <source>Apply blur permanently…</source>
        <translation>Áp dụng làm mờ vĩnh viễn…</translation>
    </message>
    <message>
        <source>Destroy what is under this picture&apos;s blur marks in the picture file itself (asks first)</source>
        <translation>Xóa hẳn phần nằm dưới các vùng làm mờ của ảnh này ngay trong tệp ảnh (có hỏi trước)</translation>
    </message>
    <message>
        <source>Apply blur permanently to every picture…</source>
        <translation>Áp dụng làm mờ vĩnh viễn cho mọi ảnh…</translation>
    </message>
    <message>
        <source>Destroy what is under the blur marks in every picture of this guide, in the files themselves (asks first)</source>
        <translation>Xóa hẳn phần nằm dưới các vùng làm mờ trong mọi ảnh của hướng dẫn này, ngay trong các tệp ảnh (có hỏi trước)</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>Xóa dấu</translation>
    </message>
    <message>
        <source>Remove the selected mark from the picture (or press Delete)</source>
        <translation>Xóa dấu đang chọn khỏi hình (hoặc bấm Delete)</translation>
    </message>
    <message>
        <source>Show the picture smaller (-, or Ctrl+wheel)</source>
        <translation>Thu nhỏ ảnh (-, hoặc Ctrl+lăn chuột)</translation>
    </message>
    <message>
        <source>Show the picture larger (+, or Ctrl+wheel)</source>
        <translation>Phóng to ảnh (+, hoặc Ctrl+lăn chuột)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Vừa khung</translation>
    </message>
    <message>
        <source>Show the whole picture in the window (0)</source>
        <translation>Hiện toàn bộ ảnh trong khung (0)</translation>
    </message>
    <message>
        <source>One picture dot on one screen dot, to mark small text exactly (1)</source>
        <translation>Một điểm ảnh bằng một điểm màn hình, để đánh dấu chữ nhỏ cho chính xác (1)</translation>
    </message>
    <message>
        <source>Large picture</source>
        <translation>Ảnh lớn</translation>
    </message>
    <message>
        <source>Give the picture the whole window to mark it; press again to bring back the steps and the preview</source>
        <translation>Dành cả cửa sổ cho ảnh để đánh dấu; bấm lần nữa để hiện lại danh sách bước và bản xem trước</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Bước %1</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Di chuyển bước</translation>
    </message>
    <message>
        <source>No pictures</source>
        <translation>Không có ảnh</translation>
    </message>
    <message>
        <source>There is no picture (PNG, JPEG …) among what was given. Nothing was changed.</source>
        <translation>Không có ảnh nào (PNG, JPEG …) trong những gì vừa đưa vào. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Still adding the screenshots given before; try again in a moment.</source>
        <translation>Đang thêm các ảnh chụp màn hình trước đó; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Adding %1 screenshots and looking for personal data in them…</source>
        <translation>Đang thêm %1 ảnh chụp màn hình và tìm dữ liệu cá nhân trong đó…</translation>
    </message>
    <message>
        <source>Add %1 screenshots</source>
        <translation>Thêm %1 ảnh chụp màn hình</translation>
    </message>
    <message>
        <source>%1 steps added from screenshots</source>
        <translation>Đã thêm %1 bước từ ảnh chụp màn hình</translation>
    </message>
    <message>
        <source>Screenshots added</source>
        <translation>Đã thêm ảnh chụp màn hình</translation>
    </message>
    <message>
        <source>%1 new steps, in the order the screenshots were taken. Please check:</source>
        <translation>%1 bước mới, theo thứ tự chụp màn hình. Hãy kiểm tra:</translation>
    </message>
    <message>
        <source>Screenshots not added</source>
        <translation>Chưa thêm được ảnh chụp màn hình</translation>
    </message>
    <message>
        <source>The screenshots could not be added: %1</source>
        <translation>Không thêm được ảnh chụp màn hình: %1</translation>
    </message>
    <message>
        <source>The blur is now part of %1 picture(s); Undo (Ctrl+Z) brings the original back until the guide is closed.</source>
        <translation>Vùng làm mờ đã được ghi hẳn vào %1 ảnh; Hoàn tác (Ctrl+Z) lấy lại ảnh gốc cho đến khi đóng hướng dẫn.</translation>
    </message>
    <message>
        <source>Picture not restored</source>
        <translation>Chưa khôi phục được ảnh</translation>
    </message>
    <message>
        <source>A picture could not be written back: %1</source>
        <translation>Không ghi lại được ảnh: %1</translation>
    </message>
    <message>
        <source>Looking for personal data in the picture…</source>
        <translation>Đang tìm dữ liệu cá nhân trong ảnh…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Make a draft guide from a folder of screenshots, a Word, OpenDocument, PowerPoint or PDF file, Markdown or text (also old TCVN3/VNI files), or add a received Trainer kit.</source>
        <translation>Tạo bản nháp hướng dẫn từ một thư mục ảnh chụp màn hình, tệp Word, OpenDocument, PowerPoint hoặc PDF, Markdown hay văn bản (cả tệp cũ gõ bằng TCVN3/VNI), hoặc thêm một bộ tài liệu Trainer nhận được.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>One guide per top-level heading (long documents)</source>
        <translation>Tách theo đề mục lớn: mỗi đề mục một hướng dẫn (tài liệu dài)</translation>
    </message>
    <message>
        <source>Cut the phone&apos;s status and navigation bars off screenshots</source>
        <translation>Cắt thanh trạng thái và thanh điều hướng của điện thoại khỏi ảnh chụp</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Nothing chosen yet: choose files or a folder, or drop them on the library.</source>
        <translation>Chưa chọn gì: hãy chọn tệp hoặc thư mục, hoặc kéo thả chúng vào thư viện.</translation>
    </message>
    <message>
        <source>%1 items: %2</source>
        <translation>%1 mục: %2</translation>
    </message>
    <message>
        <source>Guides and documents (%1)</source>
        <translation>Hướng dẫn và tài liệu (%1)</translation>
    </message>
    <message>
        <source>Folder of screenshots</source>
        <translation>Thư mục ảnh chụp màn hình</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Stopped; nothing unfinished was kept</source>
        <translation>Đã dừng; không giữ lại phần làm dở nào</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Chưa nhập được</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Imported: what to review</source>
        <translation>Đã nhập: những gì cần xem lại</translation>
    </message>
    <message>
        <source>“%1”: %2 step(s), saved as a draft in %3</source>
        <translation>“%1”: %2 bước, đã lưu thành bản nháp trong %3</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã xuất bản</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Chưa có hình</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>Kiểm tra %1</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <source>Search guides (accents not needed, e.g. dang ky vssid)</source>
        <translation>Tìm hướng dẫn (không cần gõ dấu, ví dụ: dang ky vssid)</translation>
    </message>
    <message>
        <source>Type words from the title, topic or summary. Accents and capitals do not matter.</source>
        <translation>Gõ từ trong tiêu đề, chủ đề hoặc tóm tắt. Không cần dấu, không phân biệt hoa thường.</translation>
    </message>
    <message>
        <source>Show only guides on this topic</source>
        <translation>Chỉ hiện hướng dẫn thuộc chủ đề này</translation>
    </message>
    <message>
        <source>Show only guides in this state</source>
        <translation>Chỉ hiện hướng dẫn ở trạng thái này</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>New guide</source>
        <translation>Hướng dẫn mới</translation>
    </message>
    <message>
        <source>Start a new guide from the template (Ctrl+N)</source>
        <translation>Tạo hướng dẫn mới từ mẫu (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Edit the selected guide (Enter)</source>
        <translation>Soạn hướng dẫn đang chọn (Enter)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <source>Make a copy of the selected guide, with its pictures</source>
        <translation>Tạo bản sao của hướng dẫn đang chọn, kèm hình ảnh</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <source>Move the selected guide to the trash (you can restore it from there)</source>
        <translation>Chuyển hướng dẫn đang chọn vào thùng rác (có thể khôi phục từ đó)</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Mọi chủ đề</translation>
    </message>
    <message>
        <source>%1 of %2 guides</source>
        <translation>%1 / %2 hướng dẫn</translation>
    </message>
    <message>
        <source>%1 need review</source>
        <translation>%1 cần xem lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>New guide…</source>
        <translation>Hướng dẫn mới…</translation>
    </message>
    <message>
        <source>Start a new guide from the template</source>
        <translation>Tạo hướng dẫn mới từ mẫu</translation>
    </message>
    <message>
        <source>Open library folder…</source>
        <translation>Mở thư mục thư viện…</translation>
    </message>
    <message>
        <source>Show the guides in another folder</source>
        <translation>Xem hướng dẫn trong thư mục khác</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <source>Make a draft guide from screenshots, Word, PowerPoint, PDF or text files (or drop them on the library)</source>
        <translation>Tạo bản nháp hướng dẫn từ ảnh chụp màn hình, tệp Word, PowerPoint, PDF hoặc văn bản (hoặc kéo thả chúng vào thư viện)</translation>
    </message>
    <message>
        <source>Recent guides</source>
        <translation>Hướng dẫn gần đây</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save the guide</source>
        <translation>Lưu hướng dẫn</translation>
    </message>
    <message>
        <source>Back to library</source>
        <translation>Về thư viện</translation>
    </message>
    <message>
        <source>Close the guide and show all guides</source>
        <translation>Đóng hướng dẫn và xem tất cả hướng dẫn</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>Make infographics, handouts, clips and more</source>
        <translation>Tạo infographic, tài liệu phát tay, video và nhiều hơn</translation>
    </message>
    <message>
        <source>Print handout…</source>
        <translation>In tài liệu phát tay…</translation>
    </message>
    <message>
        <source>Print the handout, with a preview first</source>
        <translation>In tài liệu phát tay, có xem trước</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Trình chiếu</translation>
    </message>
    <message>
        <source>Show the guide full screen for a class</source>
        <translation>Trình chiếu toàn màn hình cho lớp học</translation>
    </message>
    <message>
        <source>Publish for the teams…</source>
        <translation>Xuất bản cho các tổ…</translation>
    </message>
    <message>
        <source>Make a kit of every output for each community technology team</source>
        <translation>Làm bộ tài liệu đủ mọi dạng cho từng Tổ công nghệ số cộng đồng</translation>
    </message>
    <message>
        <source>Check kits…</source>
        <translation>Kiểm tra bộ tài liệu…</translation>
    </message>
    <message>
        <source>Check that kits are complete and intact</source>
        <translation>Kiểm tra bộ tài liệu có đủ tệp và còn nguyên vẹn</translation>
    </message>
    <message>
        <source>Receive a kit…</source>
        <translation>Nhận bộ tài liệu…</translation>
    </message>
    <message>
        <source>Add the guide in a kit you received to this library</source>
        <translation>Thêm hướng dẫn trong bộ tài liệu nhận được vào thư viện này</translation>
    </message>
    <message>
        <source>Department…</source>
        <translation>Đơn vị…</translation>
    </message>
    <message>
        <source>Department name, hotlines, website, logo and colours on every output of this library</source>
        <translation>Tên đơn vị, đường dây nóng, trang web, logo và màu sắc trên mọi tài liệu của thư viện này</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Tùy chỉnh…</translation>
    </message>
    <message>
        <source>Language and other settings</source>
        <translation>Ngôn ngữ và các cài đặt khác</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Close Trainer</source>
        <translation>Đóng Trainer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Find guide</source>
        <translation>Tìm hướng dẫn</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Tìm trong thư viện</translation>
    </message>
    <message>
        <source>Glossary…</source>
        <translation>Từ cần biết…</translation>
    </message>
    <message>
        <source>Explain the hard words the guides use</source>
        <translation>Giải thích các từ khó mà hướng dẫn dùng</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Bước</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Preview infographic card</source>
        <translation>Xem trước thẻ infographic</translation>
    </message>
    <message>
        <source>Preview handout page</source>
        <translation>Xem trước trang phát tay</translation>
    </message>
    <message>
        <source>Preview presenter slide</source>
        <translation>Xem trước trang trình chiếu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Xem danh sách phím tắt</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Thư viện</translation>
    </message>
    <message>
        <source>The folder %1 cannot be read: %2</source>
        <translation>Không đọc được thư mục %1: %2</translation>
    </message>
    <message>
        <source>%1 guide(s) could not be read: %2</source>
        <translation>Không đọc được %1 hướng dẫn: %2</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Thư mục thư viện</translation>
    </message>
    <message>
        <source>New guide</source>
        <translation>Hướng dẫn mới</translation>
    </message>
    <message>
        <source>Title of the new guide:</source>
        <translation>Tiêu đề hướng dẫn mới:</translation>
    </message>
    <message>
        <source>The guide could not be created in %1: %2</source>
        <translation>Không tạo được hướng dẫn trong %1: %2</translation>
    </message>
    <message>
        <source>The new guide is in the folder %1</source>
        <translation>Hướng dẫn mới nằm trong thư mục %1</translation>
    </message>
    <message>
        <source>There is already a guide called “%1” (folder %2).</source>
        <translation>Đã có một hướng dẫn tên “%1” (thư mục %2).</translation>
    </message>
    <message>
        <source>Open it, or make a second guide with the same title in a new folder?</source>
        <translation>Mở hướng dẫn đó, hay tạo thêm một hướng dẫn cùng tên trong thư mục mới?</translation>
    </message>
    <message>
        <source>Open the existing guide</source>
        <translation>Mở hướng dẫn đã có</translation>
    </message>
    <message>
        <source>Make a second guide</source>
        <translation>Tạo thêm hướng dẫn mới</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <source>The guide could not be copied: %1</source>
        <translation>Không sao chép được hướng dẫn: %1</translation>
    </message>
    <message>
        <source>Copied to %1</source>
        <translation>Đã sao chép vào %1</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <source>Move the guide in %1 to the trash? You can restore it from the trash.</source>
        <translation>Chuyển hướng dẫn trong %1 vào thùng rác? Bạn có thể khôi phục từ thùng rác.</translation>
    </message>
    <message>
        <source>The guide could not be moved to the trash: %1. Nothing was deleted.</source>
        <translation>Không chuyển được hướng dẫn vào thùng rác: %1. Không có gì bị xóa.</translation>
    </message>
    <message>
        <source>Trainer was closed before some changes were saved, in:
%1

Open that guide to restore them?</source>
        <translation>Trainer đã bị đóng trước khi lưu một số thay đổi, trong:
%1

Mở hướng dẫn đó để khôi phục?</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Open guide</source>
        <translation>Mở hướng dẫn</translation>
    </message>
    <message>
        <source>The guide cannot be opened:
%1</source>
        <translation>Không mở được hướng dẫn:
%1</translation>
    </message>
    <message>
        <source>Added “%1” (version %2) to the library</source>
        <translation>Đã thêm “%1” (phiên bản %2) vào thư viện</translation>
    </message>
    <message>
        <source>Replaced “%1” with version %2 from the kit</source>
        <translation>Đã thay “%1” bằng phiên bản %2 trong bộ tài liệu</translation>
    </message>
    <message>
        <source>The library already has “%1” version %2; nothing changed</source>
        <translation>Thư viện đã có “%1” phiên bản %2; không có gì thay đổi</translation>
    </message>
    <message>
        <source>; its branding “%1” is now used for every output</source>
        <translation>; mẫu đơn vị “%1” của bộ tài liệu nay được dùng cho mọi sản phẩm</translation>
    </message>
    <message>
        <source>; branding “%1” replaced with the kit&apos;s</source>
        <translation>; đã thay mẫu đơn vị “%1” bằng bản trong bộ tài liệu</translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation>Có thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Trainer was closed before “%1” was saved. Restore the unsaved changes from %2?</source>
        <translation>Trainer đã bị đóng trước khi lưu “%1”. Khôi phục các thay đổi chưa lưu lúc %2?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Lưu các thay đổi của “%1” trước khi đóng?</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Người khác đã sửa tệp</translation>
    </message>
    <message>
        <source>%1 was changed outside Trainer since you opened it (maybe by a colleague on the shared folder). Replace it with your version?</source>
        <translation>%1 đã bị thay đổi bên ngoài Trainer từ lúc bạn mở (có thể do đồng nghiệp trên thư mục dùng chung). Thay bằng bản của bạn?</translation>
    </message>
    <message>
        <source>Replace with mine</source>
        <translation>Thay bằng bản của tôi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu được</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2.

Your changes are still here in the editor; nothing was lost. Free some disk space or check that the folder can be written, then save again.</source>
        <translation>Không lưu được %1: %2.

Những thay đổi của bạn vẫn còn trong cửa sổ soạn thảo, không mất gì. Hãy giải phóng dung lượng ổ đĩa hoặc kiểm tra quyền ghi vào thư mục, rồi lưu lại.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Reloaded: the guide was changed outside Trainer</source>
        <translation>Đã tải lại: hướng dẫn vừa được sửa bên ngoài Trainer</translation>
    </message>
    <message>
        <source>The guide file was changed outside Trainer; you will be asked before saving over it</source>
        <translation>Tệp hướng dẫn vừa bị sửa bên ngoài Trainer; bạn sẽ được hỏi trước khi lưu đè</translation>
    </message>
    <message>
        <source>Trainer — %1</source>
        <translation>Trainer — %1</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>In tài liệu phát tay</translation>
    </message>
    <message>
        <source>The handout cannot be printed: %1</source>
        <translation>Không in được tài liệu phát tay: %1</translation>
    </message>
</context>
<context>
    <name>MarkCanvas</name>
    <message>
        <source>Personal data? Enter hides, Delete keeps</source>
        <translation>Dữ liệu cá nhân? Enter: che, Delete: giữ nguyên</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>The guide&apos;s title, as citizens will read it</source>
        <translation>Tiêu đề hướng dẫn, như người dân sẽ đọc</translation>
    </message>
    <message>
        <source>The folder name of the guide (set when the guide is created)</source>
        <translation>Tên thư mục của hướng dẫn (đặt khi tạo hướng dẫn)</translation>
    </message>
    <message>
        <source>One or two sentences for the cover and the library</source>
        <translation>Một hai câu cho trang bìa và thư viện</translation>
    </message>
    <message>
        <source>The topic used to group guides in the library</source>
        <translation>Chủ đề dùng để nhóm hướng dẫn trong thư viện</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã xuất bản</translation>
    </message>
    <message>
        <source>The day the steps were last checked on a real phone</source>
        <translation>Ngày các bước được kiểm tra lần cuối trên điện thoại thật</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>I checked the steps today</source>
        <translation>Tôi đã kiểm tra các bước hôm nay</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Địa chỉ web</translation>
    </message>
    <message>
        <source>Official links; the first one is what the QR codes open</source>
        <translation>Liên kết chính thức; mã QR sẽ mở liên kết đầu tiên</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Thêm liên kết</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Xóa liên kết</translation>
    </message>
    <message>
        <source>What to bring or have ready, one per line</source>
        <translation>Cần mang theo hoặc chuẩn bị gì, mỗi dòng một thứ</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>Tên thư mục</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Ngày kiểm tra</translation>
    </message>
    <message>
        <source>Minutes needed</source>
        <translation>Số phút cần</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>Official links</source>
        <translation>Liên kết chính thức</translation>
    </message>
    <message>
        <source>Bring along</source>
        <translation>Cần mang theo</translation>
    </message>
    <message>
        <source>Online copy</source>
        <translation>Bản trực tuyến</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <source>Edit links</source>
        <translation>Sửa liên kết</translation>
    </message>
</context>
<context>
    <name>NarrationPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <source>Voice (narration)</source>
        <translation>Giọng đọc</translation>
    </message>
    <message>
        <source>Which microphone records</source>
        <translation>Micrô dùng để thu âm</translation>
    </message>
    <message>
        <source>Microphone level: speak so that it moves well into the bar without reaching the end</source>
        <translation>Mức tiếng micrô: nói sao cho vạch lên khá cao nhưng không chạm hết thanh</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Thu âm</translation>
    </message>
    <message>
        <source>Record this step&apos;s narration after a 3-second countdown</source>
        <translation>Thu giọng đọc cho bước này sau khi đếm ngược 3 giây</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Nghe lại</translation>
    </message>
    <message>
        <source>Play this step&apos;s narration</source>
        <translation>Phát giọng đọc của bước này</translation>
    </message>
    <message>
        <source>Choose audio file…</source>
        <translation>Chọn tệp âm thanh…</translation>
    </message>
    <message>
        <source>Use a recording made elsewhere, e.g. a voice memo from a phone</source>
        <translation>Dùng bản ghi âm làm ở nơi khác, ví dụ ghi âm trên điện thoại</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ giọng đọc</translation>
    </message>
    <message>
        <source>This step has no narration any more (the file stays in the audio folder)</source>
        <translation>Bước này không còn giọng đọc (tệp vẫn giữ trong thư mục audio)</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrô</translation>
    </message>
    <message>
        <source>Record again</source>
        <translation>Thu lại</translation>
    </message>
    <message>
        <source>The file %1 is missing: record again or choose a file</source>
        <translation>Không thấy tệp %1: hãy thu lại hoặc chọn tệp khác</translation>
    </message>
    <message>
        <source>Narration: %1 (%2)</source>
        <translation>Giọng đọc: %1 (%2)</translation>
    </message>
    <message>
        <source>No narration yet: record one, or the clip shows the text without a voice</source>
        <translation>Chưa có giọng đọc: hãy thu âm, nếu không clip chỉ hiện chữ, không có tiếng</translation>
    </message>
    <message>
        <source>Recording starts in %1…</source>
        <translation>Bắt đầu thu sau %1…</translation>
    </message>
    <message>
        <source>Recording… speak now, then press Stop</source>
        <translation>Đang thu… mời nói, xong bấm Dừng</translation>
    </message>
    <message>
        <source>No microphone found. Plug one in and press Record again, or choose an audio file.</source>
        <translation>Không tìm thấy micrô. Hãy cắm micrô rồi bấm Thu âm lần nữa, hoặc chọn một tệp âm thanh.</translation>
    </message>
    <message>
        <source>Trainer may not use the microphone. Allow it in the system settings (Windows: Settings &gt; Privacy &gt; Microphone), then press Record again.</source>
        <translation>Trainer chưa được phép dùng micrô. Hãy cho phép trong cài đặt hệ thống (Windows: Cài đặt &gt; Quyền riêng tư &gt; Micrô), rồi bấm Thu âm lần nữa.</translation>
    </message>
    <message>
        <source>The microphone stopped working. Check its cable or choose another one, then record again.</source>
        <translation>Micrô ngừng hoạt động. Hãy kiểm tra dây cắm hoặc chọn micrô khác, rồi thu lại.</translation>
    </message>
    <message>
        <source>Choose the narration for this step</source>
        <translation>Chọn giọng đọc cho bước này</translation>
    </message>
    <message>
        <source>Audio files</source>
        <translation>Tệp âm thanh</translation>
    </message>
    <message>
        <source>Preparing the narration…</source>
        <translation>Đang chuẩn bị giọng đọc…</translation>
    </message>
    <message>
        <source>Record narration</source>
        <translation>Thu giọng đọc</translation>
    </message>
    <message>
        <source>Nothing was heard in this recording. Check the microphone level and record again.</source>
        <translation>Bản thu không có tiếng. Hãy kiểm tra mức tiếng micrô rồi thu lại.</translation>
    </message>
    <message>
        <source>The recording is empty. Record again.</source>
        <translation>Bản thu trống. Hãy thu lại.</translation>
    </message>
    <message>
        <source>The narration is longer than %1 minutes; keep one step&apos;s narration short.</source>
        <translation>Giọng đọc dài hơn %1 phút; mỗi bước chỉ nên đọc ngắn.</translation>
    </message>
    <message>
        <source>This file cannot be read as sound: %1</source>
        <translation>Không đọc được tệp này thành âm thanh: %1</translation>
    </message>
    <message>
        <source>The narration could not be saved: %1</source>
        <translation>Không lưu được giọng đọc: %1</translation>
    </message>
    <message>
        <source>Remove narration</source>
        <translation>Bỏ giọng đọc</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>Dừng nghe</translation>
    </message>
</context>
<context>
    <name>PermanentBlur</name>
    <message>
        <source>Apply blur permanently</source>
        <translation>Áp dụng làm mờ vĩnh viễn</translation>
    </message>
    <message>
        <source>Destroy what is under the blur in %1 picture(s) of the library, for good?</source>
        <translation>Xóa vĩnh viễn phần nằm dưới vùng làm mờ trong %1 ảnh của thư viện?</translation>
    </message>
    <message>
        <source>The hidden parts are painted over in the picture file itself (%1); the blur marks are then removed, since there is nothing left under them.</source>
        <translation>Các phần được che sẽ bị tô đè ngay trong tệp ảnh (%1); sau đó các vùng làm mờ được bỏ đi, vì bên dưới không còn gì để che.</translation>
    </message>
    <message>
        <source>You can undo this (Ctrl+Z) until you close the guide. After that the original picture cannot be brought back: it is not kept anywhere, not even in the trash.</source>
        <translation>Bạn có thể hoàn tác (Ctrl+Z) cho đến khi đóng hướng dẫn. Sau đó không thể lấy lại ảnh gốc: ảnh gốc không được giữ ở đâu cả, kể cả trong thùng rác.</translation>
    </message>
    <message>
        <source>Exports and kits never carry what is under a blur anyway: do this only if the original must not stay on this computer.</source>
        <translation>Các tệp xuất và bộ tài liệu vốn không bao giờ mang phần nằm dưới vùng làm mờ: chỉ làm việc này khi ảnh gốc không được phép nằm lại trên máy tính này.</translation>
    </message>
    <message>
        <source>The same picture is also shown in step(s) %1: it changes there too.</source>
        <translation>Ảnh này cũng có ở bước %1: ở đó ảnh cũng thay đổi.</translation>
    </message>
    <message>
        <source>Destroy for good</source>
        <translation>Xóa vĩnh viễn</translation>
    </message>
    <message>
        <source>There is no blur mark on this picture: nothing to apply.</source>
        <translation>Ảnh này không có vùng làm mờ nào: không có gì để áp dụng.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Chưa thay đổi gì: %1</translation>
    </message>
</context>
<context>
    <name>PictureIntake</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)</source>
        <translation>Hình ảnh (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>The image %1 is too large (%2 x %3 pixels, at most %4 megapixels).</source>
        <translation>Hình %1 quá lớn (%2 x %3 điểm ảnh, tối đa %4 megapixel).</translation>
    </message>
    <message>
        <source>The image %1 cannot be read: %2. Choose a PNG or JPEG picture.</source>
        <translation>Không đọc được hình %1: %2. Hãy chọn hình PNG hoặc JPEG.</translation>
    </message>
    <message>
        <source>The file %1 was not found.</source>
        <translation>Không tìm thấy tệp %1.</translation>
    </message>
    <message>
        <source>The image %1 cannot be used.</source>
        <translation>Không dùng được hình %1.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <source>The language of menus and buttons (guides keep their own language)</source>
        <translation>Ngôn ngữ của menu và nút bấm (hướng dẫn giữ ngôn ngữ riêng)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>Guides checked longer ago than this are marked &apos;needs review&apos; in the library</source>
        <translation>Hướng dẫn kiểm tra lâu hơn mức này sẽ được đánh dấu &apos;cần xem lại&apos; trong thư viện</translation>
    </message>
    <message>
        <source>Colours and text size used in the preview and as the export default</source>
        <translation>Màu và cỡ chữ dùng cho xem trước và mặc định khi xuất</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>A new language is used the next time Trainer starts.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở Trainer sau.</translation>
    </message>
    <message>
        <source>Needs review after</source>
        <translation>Cần xem lại sau</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Presenter view</source>
        <translation>Màn hình người trình bày</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Bước %1 / %2</translation>
    </message>
    <message>
        <source>Practice after step %1 of %2</source>
        <translation>Thực hành sau bước %1 / %2</translation>
    </message>
    <message>
        <source>Title slide</source>
        <translation>Trang tiêu đề</translation>
    </message>
    <message>
        <source>Closing slide</source>
        <translation>Trang kết</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>Trang %1 / %2</translation>
    </message>
    <message>
        <source>End of the presentation</source>
        <translation>Hết bài trình chiếu</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp theo</translation>
    </message>
    <message>
        <source>Next: nothing, this is the last slide</source>
        <translation>Tiếp theo: không còn, đây là trang cuối</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>(no notes for this slide)</source>
        <translation>(trang này không có ghi chú)</translation>
    </message>
    <message>
        <source>Screen is BLACK (B to show)</source>
        <translation>Màn hình đang ĐEN (bấm B để hiện)</translation>
    </message>
    <message>
        <source>Screen is WHITE (W to show)</source>
        <translation>Màn hình đang TRẮNG (bấm W để hiện)</translation>
    </message>
    <message>
        <source>Go to step %1 (Enter)</source>
        <translation>Đến bước %1 (Enter)</translation>
    </message>
    <message>
        <source>Next: → ↓ Space PgDn · Back: ← ↑ PgUp · Home/End · step number + Enter: go to step · B/W: black/white · P: presenter view · T: pause timer · Esc: leave</source>
        <translation>Tiếp: → ↓ Cách PgDn · Lùi: ← ↑ PgUp · Home/End · số bước + Enter: đến bước đó · B/W: màn hình đen/trắng · P: màn hình người trình bày · T: dừng đồng hồ · Esc: thoát</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>Presenting: %1</source>
        <translation>Đang trình chiếu: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Infographic card</source>
        <translation>Thẻ infographic</translation>
    </message>
    <message>
        <source>Handout page</source>
        <translation>Trang tài liệu phát tay</translation>
    </message>
    <message>
        <source>Presenter slide</source>
        <translation>Trang trình chiếu</translation>
    </message>
    <message>
        <source>Which output to preview. The preview uses the same drawing code as the export.</source>
        <translation>Xem trước bản nào. Bản xem trước dùng cùng mã vẽ với bản xuất.</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Xem trước:</translation>
    </message>
    <message>
        <source>Preview not available: %1</source>
        <translation>Chưa xem trước được: %1</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish for the teams</source>
        <translation>Xuất bản cho các tổ</translation>
    </message>
    <message>
        <source>Tick the guides to publish</source>
        <translation>Đánh dấu các hướng dẫn cần xuất bản</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Chọn hết</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Bỏ chọn hết</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>What to make</source>
        <translation>Làm những gì</translation>
    </message>
    <message>
        <source>Department name, hotline, logo and colours printed on every output</source>
        <translation>Tên đơn vị, đường dây nóng, logo và màu sắc in trên mọi tài liệu</translation>
    </message>
    <message>
        <source>Kits</source>
        <translation>Bộ tài liệu</translation>
    </message>
    <message>
        <source>The folder the kits are saved in</source>
        <translation>Thư mục lưu các bộ tài liệu</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Pick the folder the kits are saved in</source>
        <translation>Chọn thư mục lưu các bộ tài liệu</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>Lưu vào</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>What was made, and what failed and why, will be listed here.</source>
        <translation>Những gì đã làm xong, việc nào lỗi và vì sao sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Xuất bản</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Progress per guide</source>
        <translation>Tiến độ từng hướng dẫn</translation>
    </message>
    <message>
        <source>Save the kits in</source>
        <translation>Lưu các bộ tài liệu vào</translation>
    </message>
    <message>
        <source>Tick at least one guide and one format.</source>
        <translation>Hãy đánh dấu ít nhất một hướng dẫn và một dạng tài liệu.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không thay đổi</translation>
    </message>
    <message>
        <source>Making %1</source>
        <translation>Đang làm %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Xong: %1</translation>
    </message>
    <message>
        <source>Kit failed</source>
        <translation>Lỗi khi đóng bộ</translation>
    </message>
    <message>
        <source>Publishing could not start: %1</source>
        <translation>Không bắt đầu xuất bản được: %1</translation>
    </message>
    <message>
        <source>Stopped. %1 output(s) made before the stop; unfinished files were not kept.</source>
        <translation>Đã dừng. Làm xong %1 tài liệu trước khi dừng; tệp làm dở không được giữ lại.</translation>
    </message>
    <message>
        <source>Finished with problems: %1 output(s) made, %2 failure(s) listed above.</source>
        <translation>Xong nhưng có lỗi: làm được %1 tài liệu, %2 lỗi ghi ở trên.</translation>
    </message>
    <message>
        <source>Done: %1 output(s) made, %3 kit(s) written.</source>
        <translation>Xong: làm được %1 tài liệu, đóng %3 bộ tài liệu.</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>&amp;Billing information:</source>
        <translation>Thông tin &amp;tính phí:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Cuối:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>Đầ&amp;u:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Trang bìa lượt in</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Nội bộ</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Ban ngày (06:00 đến 17:59)</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Giữ lại, chưa in</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>Độ &amp;ưu tiên:</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translation>Điều khiển lượt in</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Lượt in</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Ban đêm (18:00 đến 05:59)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>In ngay</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>Hẹn &amp;giờ in:</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Ca hai (16:00 đến 23:59)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Giờ định sẵn</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Ca ba (00:00 đến 07:59)</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Không mật</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Cuối tuần (thứ Bảy đến Chủ nhật)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Tìm thư mục</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Xem trong:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Các nơi hay dùng</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Hiện </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>CC</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>Xi-xê-rô (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tự đặt</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>DD</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Đi-đô (DD)</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Trang thiết lập</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Chiều cao:</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>In-sơ (in)</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Nằm ngang</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Lề giấy</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Mi-li-mét (mm)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Thứ tự trang:</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Bố cục trang</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Số &amp;trang mỗi tờ:</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Giấy</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Khay giấy:</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>Pi-ca (P̸)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Điểm (pt)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <source>P̸</source>
        <translation>P̸</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Nằm ngang, lộn ngược</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Dọc, lộn ngược</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Chiều rộng:</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>lề dưới</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>lề trái</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>pt</source>
        <translation>pt</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>lề phải</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>lề trên</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>Custom</source>
        <translation>Tự đặt</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có cho &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>K&amp;hông cho tất cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Về mặc định</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Tùy chọn &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Tùy chọn &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Mọi trang</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Trang chẵn</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Tệp trên máy</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Trang lẻ</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>In ra tệp (PDF)</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Ghi tệp PDF</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>Đã có %1.
Ghi đè lên tệp đó?</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 viết chưa đúng. Dùng dấu &apos;,&apos; để ngăn các trang và khoảng trang, dấu &apos;-&apos; để ghi một khoảng trang, và các khoảng không được chồng lên nhau.</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>1 (1x1)</source>
        <translation>1 (1x1)</translation>
    </message>
    <message>
        <source>16 (4x4)</source>
        <translation>16 (4x4)</translation>
    </message>
    <message>
        <source>2 (2x1)</source>
        <translation>2 (2x1)</translation>
    </message>
    <message>
        <source>4 (2x2)</source>
        <translation>4 (2x2)</translation>
    </message>
    <message>
        <source>6 (2x3)</source>
        <translation>6 (2x3)</translation>
    </message>
    <message>
        <source>9 (3x3)</source>
        <translation>9 (3x3)</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Dưới lên trên, trái sang phải</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Dưới lên trên, phải sang trái</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Cài đặt in hai mặt bị xung đột</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>Không ghi được tệp %1.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Ghi số trang chưa đúng</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Trái sang phải, dưới lên trên</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Trái sang phải, trên xuống dưới</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>Không dùng được cùng lúc &apos;Số trang mỗi tờ&apos; và &apos;Bộ trang&apos;.
Hãy tắt một trong hai.</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>In ra tệp…</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Phải sang trái, dưới lên trên</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Phải sang trái, trên xuống dưới</translation>
    </message>
    <message>
        <source>The &apos;From&apos; value cannot be greater than the &apos;To&apos; value.</source>
        <translation>Số &apos;Từ trang&apos; không được lớn hơn số &apos;đến&apos;.</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Cài đặt in hai mặt bị xung đột. Sửa lại?</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Trên xuống dưới, trái sang phải</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Trên xuống dưới, phải sang trái</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>First page</source>
        <translation>Trang đầu</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Khổ ngang</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Trang cuối</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Khổ dọc</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>Xem hai trang đối diện</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>Xem tất cả các trang</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>Xem từng trang</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Xuất ra PDF</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translation>Thiết lập trang</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Tùy chọn nâng cao bị xung đột</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>Tùy chọn lượt in</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Thiết lập trang bị xung đột</translation>
    </message>
    <message>
        <source>Printer Properties</source>
        <translation>Thuộc tính máy in</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Thiết lập trang bị xung đột. Sửa lại?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Một số tùy chọn nâng cao bị xung đột. Sửa lại?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>Nâng cao</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Thuộc tính</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Một số tùy chọn bị xung đột. Hãy sửa lại.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translation>Sắp theo bộ</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Trang hiện tại</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>In hai mặt</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Lật theo cạnh dài</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Thiết lập in</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Nhóm trang:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Từ trang</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>In tất cả</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Phạm vi in</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>In ngược</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Phần đã chọn</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Lật theo cạnh ngắn</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; khoảng trang là hai số nối bằng dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Tệp ra:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Thuộc tính</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Loại:</translation>
    </message>
</context>
<context>
    <name>ReceiveKit</name>
    <message>
        <source>Receive a kit</source>
        <translation>Nhận bộ tài liệu</translation>
    </message>
    <message>
        <source>Kits (*.zip)</source>
        <translation>Bộ tài liệu (*.zip)</translation>
    </message>
    <message>
        <source>The library already has a branding “%1” (department name, hotline, logo) that differs from the kit&apos;s. Keep yours, or use the kit&apos;s so your outputs match the sender&apos;s?</source>
        <translation>Thư viện đã có mẫu đơn vị “%1” (tên đơn vị, đường dây nóng, logo) khác với bản trong bộ tài liệu. Giữ bản của bạn, hay dùng bản trong bộ tài liệu để sản phẩm giống của nơi gửi?</translation>
    </message>
    <message>
        <source>Use the kit&apos;s branding</source>
        <translation>Dùng mẫu đơn vị của bộ tài liệu</translation>
    </message>
    <message>
        <source>The library already has this guide in version %1, as new as or newer than the kit&apos;s version %2. Keep yours, or replace it with the kit&apos;s?</source>
        <translation>Thư viện đã có hướng dẫn này ở phiên bản %1, mới bằng hoặc mới hơn phiên bản %2 trong bộ tài liệu. Giữ bản của bạn, hay thay bằng bản trong bộ tài liệu?</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Giữ bản của tôi</translation>
    </message>
    <message>
        <source>Replace with the kit&apos;s</source>
        <translation>Thay bằng bản trong bộ tài liệu</translation>
    </message>
    <message>
        <source>The kit was refused:
%1</source>
        <translation>Bộ tài liệu bị từ chối:
%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>Picture: larger / smaller</source>
        <translation>Ảnh: phóng to / thu nhỏ</translation>
    </message>
    <message>
        <source>+ / -, Ctrl+wheel</source>
        <translation>+ / -, Ctrl+lăn chuột</translation>
    </message>
    <message>
        <source>Picture: fit the window / 100 %</source>
        <translation>Ảnh: vừa khung / 100 %</translation>
    </message>
    <message>
        <source>Picture: move around</source>
        <translation>Ảnh: di chuyển để xem</translation>
    </message>
    <message>
        <source>wheel, Space+drag, middle button drag</source>
        <translation>lăn chuột, Space+kéo, kéo bằng nút giữa</translation>
    </message>
    <message>
        <source>Mark: move by 1 / 10 picture dots</source>
        <translation>Dấu: dịch 1 / 10 điểm ảnh</translation>
    </message>
    <message>
        <source>arrows / Shift+arrows</source>
        <translation>phím mũi tên / Shift+mũi tên</translation>
    </message>
    <message>
        <source>Mark: delete</source>
        <translation>Dấu: xoá</translation>
    </message>
    <message>
        <source>Suggested hiding: accept / keep visible</source>
        <translation>Gợi ý che: đồng ý / giữ nguyên</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Step title, e.g. Open the VNeID app</source>
        <translation>Tiêu đề bước, ví dụ: Mở ứng dụng VNeID</translation>
    </message>
    <message>
        <source>A short title that says what to do</source>
        <translation>Tiêu đề ngắn nói rõ việc cần làm</translation>
    </message>
    <message>
        <source>Type step title</source>
        <translation>Gõ tiêu đề bước</translation>
    </message>
    <message>
        <source>Step title</source>
        <translation>Tiêu đề bước</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Short sentences. **bold** and *italic* work; start lines with - for a list.</source>
        <translation>Câu ngắn. Dùng **đậm** và *nghiêng*; đầu dòng gõ - để làm danh sách.</translation>
    </message>
    <message>
        <source>Type step text</source>
        <translation>Gõ nội dung bước</translation>
    </message>
    <message>
        <source>Boxes (tip, warning, caution)</source>
        <translation>Hộp lưu ý (mẹo, cảnh báo, cẩn thận)</translation>
    </message>
    <message>
        <source>Notes for the presenter (never printed)</source>
        <translation>Ghi chú cho người trình bày (không bao giờ in ra)</translation>
    </message>
    <message>
        <source>What to show and what people often get wrong</source>
        <translation>Cần cho xem gì và mọi người hay nhầm chỗ nào</translation>
    </message>
    <message>
        <source>Type notes</source>
        <translation>Gõ ghi chú</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>tự động</translation>
    </message>
    <message>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <source>How long this step shows in a clip</source>
        <translation>Bước này hiện bao lâu trong video</translation>
    </message>
    <message>
        <source>Change duration</source>
        <translation>Đổi thời lượng</translation>
    </message>
    <message>
        <source>A step lasts at least as long as its narration, whatever duration is set</source>
        <translation>Một bước luôn kéo dài ít nhất bằng giọng đọc của nó, dù đặt thời lượng bao nhiêu</translation>
    </message>
    <message>
        <source>Pause for practice</source>
        <translation>Dừng để thực hành</translation>
    </message>
    <message>
        <source>In presenter mode, pause after this step so people can try it on their phones</source>
        <translation>Khi trình chiếu, dừng sau bước này để mọi người làm thử trên điện thoại</translation>
    </message>
    <message>
        <source>Change practice</source>
        <translation>Đổi thực hành</translation>
    </message>
    <message>
        <source>Clip duration</source>
        <translation>Thời lượng video</translation>
    </message>
    <message>
        <source>in the clip: %1</source>
        <translation>trong clip: %1</translation>
    </message>
    <message>
        <source>(follows the narration)</source>
        <translation>(theo giọng đọc)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 ký tự</translation>
    </message>
</context>
<context>
    <name>StepListPanel</name>
    <message>
        <source>Guide information</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Title, topic, date checked, links and other details of the whole guide</source>
        <translation>Tiêu đề, chủ đề, ngày kiểm tra, liên kết và thông tin khác của cả hướng dẫn</translation>
    </message>
    <message>
        <source>Steps in order. Drag a step, or press Alt+Up / Alt+Down, to move it.</source>
        <translation>Các bước theo thứ tự. Kéo một bước, hoặc bấm Alt+Lên / Alt+Xuống, để di chuyển.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>voice %1</source>
        <translation>giọng đọc %1</translation>
    </message>
    <message>
        <source>Looking for personal data in the picture…</source>
        <translation>Đang tìm dữ liệu cá nhân trong ảnh…</translation>
    </message>
</context>
<context>
    <name>StepPicture</name>
    <message>
        <source>Picture</source>
        <translation>Hình</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Select, move and resize marks (drag the small squares to resize)</source>
        <translation>Chọn, di chuyển và đổi cỡ dấu (kéo các ô vuông nhỏ để đổi cỡ)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Click on the picture to place a numbered circle</source>
        <translation>Bấm lên hình để đặt vòng tròn đánh số</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Khung</translation>
    </message>
    <message>
        <source>Drag on the picture to draw a highlight box</source>
        <translation>Kéo trên hình để vẽ khung tô sáng</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Mũi tên</translation>
    </message>
    <message>
        <source>Drag from where the arrow starts to what it points at</source>
        <translation>Kéo từ điểm đầu mũi tên đến chỗ nó chỉ vào</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Chạm</translation>
    </message>
    <message>
        <source>Click where the finger should tap</source>
        <translation>Bấm vào chỗ ngón tay cần chạm</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Che</translation>
    </message>
    <message>
        <source>Drag over private details (ID numbers, faces): they are hidden in every output</source>
        <translation>Kéo che thông tin riêng (số giấy tờ, khuôn mặt): sẽ bị che ở mọi bản xuất</translation>
    </message>
    <message>
        <source>What the picture shows, for people who cannot see it</source>
        <translation>Hình cho thấy gì, cho người không nhìn được</translation>
    </message>
    <message>
        <source>Type picture description</source>
        <translation>Gõ mô tả hình</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
    <message>
        <source>Phone frame</source>
        <translation>Khung điện thoại</translation>
    </message>
    <message>
        <source>No frame</source>
        <translation>Không khung</translation>
    </message>
    <message>
        <source>Change frame</source>
        <translation>Đổi khung</translation>
    </message>
    <message>
        <source>Picture shows</source>
        <translation>Hình cho thấy</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Khung</translation>
    </message>
    <message>
        <source>How large the picture is shown: 100 % is one screen dot per picture dot</source>
        <translation>Cỡ hiển thị của ảnh: 100 % là một điểm ảnh trên một điểm màn hình</translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation>Che tất cả</translation>
    </message>
    <message>
        <source>Hide every dashed suggestion in the picture (you can undo)</source>
        <translation>Che mọi gợi ý viền đứt trong ảnh (có thể hoàn tác)</translation>
    </message>
    <message>
        <source>Look for personal data</source>
        <translation>Tìm dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Find ID numbers, phone numbers, dates of birth, QR codes and faces in this picture</source>
        <translation>Tìm số định danh, số điện thoại, ngày sinh, mã QR và khuôn mặt trong ảnh này</translation>
    </message>
    <message>
        <source>No picture yet.
Choose one, paste a screenshot (Ctrl+Shift+V) or drop a file here.</source>
        <translation>Chưa có hình.
Hãy chọn hình, dán ảnh chụp màn hình (Ctrl+Shift+V) hoặc kéo tệp vào đây.</translation>
    </message>
    <message>
        <source>Add mark</source>
        <translation>Thêm dấu</translation>
    </message>
    <message>
        <source>Move mark</source>
        <translation>Di chuyển dấu</translation>
    </message>
    <message>
        <source>Resize mark</source>
        <translation>Đổi cỡ dấu</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>Xóa dấu</translation>
    </message>
    <message>
        <source>Picture not added</source>
        <translation>Chưa thêm được hình</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The picture could not be copied into %1: %2</source>
        <translation>Không chép được hình vào %1: %2</translation>
    </message>
    <message>
        <source>Picture added: %1</source>
        <translation>Đã thêm hình: %1</translation>
    </message>
    <message>
        <source>Choose a picture (or several: one step each)</source>
        <translation>Chọn ảnh (hoặc nhiều ảnh: mỗi ảnh một bước)</translation>
    </message>
    <message>
        <source>%1 is not a picture file.</source>
        <translation>%1 không phải là tệp hình ảnh.</translation>
    </message>
    <message>
        <source>Set picture</source>
        <translation>Đặt hình</translation>
    </message>
    <message>
        <source>The copied picture cannot be read.</source>
        <translation>Không đọc được hình đã sao chép.</translation>
    </message>
    <message>
        <source>Paste picture</source>
        <translation>Dán hình</translation>
    </message>
    <message>
        <source>There is no picture on the clipboard. Take or copy a screenshot first.</source>
        <translation>Bộ nhớ tạm không có hình. Hãy chụp hoặc sao chép ảnh màn hình trước.</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Bỏ hình</translation>
    </message>
    <message>
        <source>Possible personal data in the picture: %1</source>
        <translation>Có thể có dữ liệu cá nhân trong ảnh: %1</translation>
    </message>
    <message>
        <source>Personal data could not be looked for: %1</source>
        <translation>Không tìm được dữ liệu cá nhân: %1</translation>
    </message>
    <message>
        <source>Looking for personal data in the picture…</source>
        <translation>Đang tìm dữ liệu cá nhân trong ảnh…</translation>
    </message>
    <message>
        <source>%1 possible personal details, dashed: click one, then Enter hides it or Delete keeps it visible.</source>
        <translation>%1 chỗ có thể là dữ liệu cá nhân (viền đứt): bấm vào một chỗ, rồi Enter để che hoặc Delete để giữ nguyên.</translation>
    </message>
    <message>
        <source>Hide personal data</source>
        <translation>Che dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Keep visible</source>
        <translation>Giữ nguyên không che</translation>
    </message>
</context>
<context>
    <name>VerifyKitsDialog</name>
    <message>
        <source>Check kits</source>
        <translation>Kiểm tra bộ tài liệu</translation>
    </message>
    <message>
        <source>A kit .zip file, a kit folder, or a folder of kits</source>
        <translation>Một tệp .zip, một thư mục bộ tài liệu, hoặc một thư mục chứa nhiều bộ</translation>
    </message>
    <message>
        <source>Choose a ZIP file…</source>
        <translation>Chọn tệp ZIP…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Choose what to check, then press Check.</source>
        <translation>Chọn cái cần kiểm tra rồi bấm Kiểm tra.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>A kit is complete and intact when every file listed in its manifest is there, unchanged.</source>
        <translation>Bộ tài liệu đủ và nguyên vẹn khi mọi tệp ghi trong danh mục đều có mặt và không bị thay đổi.</translation>
    </message>
    <message>
        <source>Kit to check</source>
        <translation>Bộ tài liệu cần kiểm tra</translation>
    </message>
    <message>
        <source>Kits (*.zip)</source>
        <translation>Bộ tài liệu (*.zip)</translation>
    </message>
    <message>
        <source>Kit folder or folder of kits</source>
        <translation>Thư mục bộ tài liệu hoặc thư mục chứa nhiều bộ</translation>
    </message>
    <message>
        <source>Choose a kit first.</source>
        <translation>Hãy chọn bộ tài liệu trước.</translation>
    </message>
    <message>
        <source>No kits in %1.</source>
        <translation>Không có bộ tài liệu nào trong %1.</translation>
    </message>
    <message>
        <source>%1: complete and intact (%2 files)</source>
        <translation>%1: đủ và nguyên vẹn (%2 tệp)</translation>
    </message>
    <message>
        <source>%1 of %2 kit(s) are damaged or incomplete: ask the sender for a new copy.</source>
        <translation>%1 trong %2 bộ tài liệu bị hỏng hoặc thiếu tệp: hãy xin người gửi bản mới.</translation>
    </message>
    <message>
        <source>All %1 kit(s) are complete and intact.</source>
        <translation>Cả %1 bộ tài liệu đều đủ và nguyên vẹn.</translation>
    </message>
</context>
</TS>
