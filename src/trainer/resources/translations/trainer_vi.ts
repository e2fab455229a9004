<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>CalloutRow</name>
    <message>
        <location filename="../../ui/editor.py" line="169" />
        <source>Tip</source>
        <translation>Mẹo</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="169" />
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="169" />
        <source>Caution</source>
        <translation>Cẩn thận</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="177" />
        <source>Remove this box</source>
        <translation>Xóa hộp này</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="139" />
        <source>PNG pictures (sharpest)</source>
        <translation>Ảnh PNG (nét nhất)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="140" />
        <source>JPEG pictures (smaller, for Zalo and Facebook)</source>
        <translation>Ảnh JPEG (nhẹ hơn, cho Zalo và Facebook)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="141" />
        <source>Add the practice pauses as slides</source>
        <translation>Thêm các lúc dừng thực hành thành trang</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="142" />
        <source>Use the recorded narration</source>
        <translation>Dùng lời thuyết minh đã ghi âm</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="143" />
        <source>Computer voice where there is no recording</source>
        <translation>Giọng máy đọc ở chỗ chưa có ghi âm</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="144" />
        <source>Background music file</source>
        <translation>Tệp nhạc nền</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="193" />
        <source>Export “%1”</source>
        <translation>Xuất “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="207" />
        <source>%1 cannot be used: %2</source>
        <translation>Không dùng được %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="212" />
        <source>No export formats are installed.</source>
        <translation>Chưa có định dạng xuất nào.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="221" />
        <source>Colours and text size; 'large-print' for older readers, 'grayscale' for black-and-white printers</source>
        <translation>Màu và cỡ chữ; 'large-print' cho người lớn tuổi, 'grayscale' cho máy in trắng đen</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="224" />
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="229" />
        <source>Open the folder when done</source>
        <translation>Mở thư mục khi xong</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="232" />
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="233" />
        <source>Save in</source>
        <translation>Lưu vào</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="238" />
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="242" />
        <source>Problems and the files made will be listed here.</source>
        <translation>Lỗi và các tệp đã tạo sẽ hiện ở đây.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="244" />
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="245" />
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="246" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="267" />
        <source>Save exports in</source>
        <translation>Lưu bản xuất vào</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="282" />
        <source>Tick at least one format.</source>
        <translation>Hãy chọn ít nhất một định dạng.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="287" />
        <source>Fix these first:</source>
        <translation>Hãy sửa các lỗi này trước:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="295" />
        <source>Cannot use the folder %1: %2</source>
        <translation>Không dùng được thư mục %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="309" />
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320" />
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="335" />
        <source>Stopped; unfinished files were not kept</source>
        <translation>Đã dừng; tệp chưa xong không được giữ lại</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="337" />
        <source>Finished with problems</source>
        <translation>Xong nhưng có lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="339" />
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>FormatBox</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="160" />
        <source>All sizes</source>
        <translation>Tất cả cỡ</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="164" />
        <source>Preset</source>
        <translation>Cỡ</translation>
    </message>
</context>
<context>
    <name>GuideEditor</name>
    <message>
        <location filename="../../ui/editor.py" line="76" />
        <source>The image %1 is too large (%2 x %3 pixels, at most %4 megapixels).</source>
        <translation>Hình %1 quá lớn (%2 x %3 điểm ảnh, tối đa %4 megapixel).</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="84" />
        <source>The image %1 cannot be read: %2. Choose a PNG or JPEG picture.</source>
        <translation>Không đọc được hình %1: %2. Hãy chọn hình PNG hoặc JPEG.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="89" />
        <source>The file %1 was not found.</source>
        <translation>Không tìm thấy tệp %1.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="90" />
        <source>The image %1 cannot be used.</source>
        <translation>Không dùng được hình %1.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="224" />
        <source>Guide information</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="226" />
        <source>Title, topic, date checked, links and other details of the whole guide</source>
        <translation>Tiêu đề, chủ đề, ngày kiểm tra, liên kết và thông tin khác của cả hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="233" />
        <source>Steps in order. Drag a step, or press Alt+Up / Alt+Down, to move it.</source>
        <translation>Các bước theo thứ tự. Kéo một bước, hoặc bấm Alt+Lên / Alt+Xuống, để di chuyển.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="248" />
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="282" />
        <location filename="../../ui/editor.py" line="880" />
        <source>Add step</source>
        <translation>Thêm bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="284" />
        <source>Add a new step after the selected one</source>
        <translation>Thêm một bước mới sau bước đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="289" />
        <location filename="../../ui/editor.py" line="891" />
        <source>Duplicate step</source>
        <translation>Nhân bản bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="291" />
        <source>Make a copy of the selected step</source>
        <translation>Tạo bản sao của bước đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="296" />
        <location filename="../../ui/editor.py" line="900" />
        <source>Delete step</source>
        <translation>Xóa bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="298" />
        <source>Remove the selected step (you can undo)</source>
        <translation>Xóa bước đang chọn (có thể hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="303" />
        <source>Move step up</source>
        <translation>Chuyển bước lên</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="305" />
        <source>Move the selected step one place earlier</source>
        <translation>Đưa bước đang chọn lên trước một vị trí</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="310" />
        <source>Move step down</source>
        <translation>Chuyển bước xuống</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="312" />
        <source>Move the selected step one place later</source>
        <translation>Đưa bước đang chọn ra sau một vị trí</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="316" />
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="316" />
        <source>Make the selected words bold</source>
        <translation>In đậm chữ đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="318" />
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="320" />
        <source>Make the selected words italic</source>
        <translation>In nghiêng chữ đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="325" />
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="327" />
        <source>Turn the selected lines into a list</source>
        <translation>Biến các dòng đang chọn thành danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="332" />
        <source>Choose image…</source>
        <translation>Chọn hình…</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="334" />
        <source>Pick a picture file for this step</source>
        <translation>Chọn tệp hình cho bước này</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="339" />
        <source>Paste image</source>
        <translation>Dán hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="341" />
        <source>Use the picture you copied (for example a screenshot)</source>
        <translation>Dùng hình bạn vừa sao chép (ví dụ ảnh chụp màn hình)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="346" />
        <source>Remove image</source>
        <translation>Bỏ hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="348" />
        <source>Take the picture off this step (the file stays in the folder)</source>
        <translation>Bỏ hình khỏi bước này (tệp vẫn còn trong thư mục)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="353" />
        <location filename="../../ui/editor.py" line="799" />
        <source>Delete mark</source>
        <translation>Xóa dấu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="355" />
        <source>Remove the selected mark from the picture (or press Delete)</source>
        <translation>Xóa dấu đang chọn khỏi hình (hoặc bấm Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="384" />
        <source>The guide's title, as citizens will read it</source>
        <translation>Tiêu đề hướng dẫn, như người dân sẽ đọc</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="387" />
        <source>The folder name of the guide (set when the guide is created)</source>
        <translation>Tên thư mục của hướng dẫn (đặt khi tạo hướng dẫn)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="390" />
        <source>One or two sentences for the cover and the library</source>
        <translation>Một hai câu cho trang bìa và thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="395" />
        <source>The topic used to group guides in the library</source>
        <translation>Chủ đề dùng để nhóm hướng dẫn trong thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="398" />
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="398" />
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="398" />
        <source>Published</source>
        <translation>Đã xuất bản</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="403" />
        <source>The day the steps were last checked on a real phone</source>
        <translation>Ngày các bước được kiểm tra lần cuối trên điện thoại thật</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="404" />
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="405" />
        <source>I checked the steps today</source>
        <translation>Tôi đã kiểm tra các bước hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="412" />
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="417" />
        <location filename="../../ui/editor.py" line="438" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="417" />
        <source>Web address</source>
        <translation>Địa chỉ web</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="420" />
        <source>Official links; the first one is what the QR codes open</source>
        <translation>Liên kết chính thức; mã QR sẽ mở liên kết đầu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="421" />
        <location filename="../../ui/editor.py" line="767" />
        <source>Add link</source>
        <translation>Thêm liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="423" />
        <location filename="../../ui/editor.py" line="774" />
        <source>Remove link</source>
        <translation>Xóa liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="434" />
        <source>What to bring or have ready, one per line</source>
        <translation>Cần mang theo hoặc chuẩn bị gì, mỗi dòng một thứ</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="439" />
        <source>Folder name</source>
        <translation>Tên thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="440" />
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="441" />
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="442" />
        <source>Audience</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="443" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="444" />
        <source>Checked on</source>
        <translation>Ngày kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="445" />
        <source>Minutes needed</source>
        <translation>Số phút cần</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="446" />
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="447" />
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="448" />
        <source>Reviewer</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="449" />
        <source>Official links</source>
        <translation>Liên kết chính thức</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="450" />
        <source>Bring along</source>
        <translation>Cần mang theo</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="451" />
        <source>Online copy</source>
        <translation>Bản trực tuyến</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="452" />
        <source>Introduction</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="484" />
        <source>Step title, e.g. Open the VNeID app</source>
        <translation>Tiêu đề bước, ví dụ: Mở ứng dụng VNeID</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="485" />
        <source>A short title that says what to do</source>
        <translation>Tiêu đề ngắn nói rõ việc cần làm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="486" />
        <source>Type step title</source>
        <translation>Gõ tiêu đề bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="487" />
        <source>Step title</source>
        <translation>Tiêu đề bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="497" />
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="502" />
        <source>Short sentences. **bold** and *italic* work; start lines with - for a list.</source>
        <translation>Câu ngắn. Dùng **đậm** và *nghiêng*; đầu dòng gõ - để làm danh sách.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="503" />
        <source>Type step text</source>
        <translation>Gõ nội dung bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="514" />
        <source>Picture</source>
        <translation>Hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="519" />
        <source>Select</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="519" />
        <source>Select, move and resize marks (drag the small squares to resize)</source>
        <translation>Chọn, di chuyển và đổi cỡ dấu (kéo các ô vuông nhỏ để đổi cỡ)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="520" />
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="520" />
        <source>Click on the picture to place a numbered circle</source>
        <translation>Bấm lên hình để đặt vòng tròn đánh số</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="521" />
        <source>Box</source>
        <translation>Khung</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="521" />
        <source>Drag on the picture to draw a highlight box</source>
        <translation>Kéo trên hình để vẽ khung tô sáng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="522" />
        <source>Arrow</source>
        <translation>Mũi tên</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="522" />
        <source>Drag from where the arrow starts to what it points at</source>
        <translation>Kéo từ điểm đầu mũi tên đến chỗ nó chỉ vào</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="523" />
        <source>Tap</source>
        <translation>Chạm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="523" />
        <source>Click where the finger should tap</source>
        <translation>Bấm vào chỗ ngón tay cần chạm</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="524" />
        <source>Hide</source>
        <translation>Che</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="524" />
        <source>Drag over private details (ID numbers, faces): they are hidden in every output</source>
        <translation>Kéo che thông tin riêng (số giấy tờ, khuôn mặt): sẽ bị che ở mọi bản xuất</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="548" />
        <source>What the picture shows, for people who cannot see it</source>
        <translation>Hình cho thấy gì, cho người không nhìn được</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="549" />
        <source>Type picture description</source>
        <translation>Gõ mô tả hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="551" />
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="551" />
        <source>Phone frame</source>
        <translation>Khung điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="551" />
        <source>No frame</source>
        <translation>Không khung</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="554" />
        <source>Change frame</source>
        <translation>Đổi khung</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="556" />
        <source>Picture shows</source>
        <translation>Hình cho thấy</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="557" />
        <source>Frame</source>
        <translation>Khung</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="561" />
        <source>Boxes (tip, warning, caution)</source>
        <translation>Hộp lưu ý (mẹo, cảnh báo, cẩn thận)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="565" />
        <source>Add tip</source>
        <translation>Thêm mẹo</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="565" />
        <source>Add warning</source>
        <translation>Thêm cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="565" />
        <source>Add caution</source>
        <translation>Thêm cẩn thận</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="573" />
        <source>Notes for the presenter (never printed)</source>
        <translation>Ghi chú cho người trình bày (không bao giờ in ra)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="576" />
        <source>What to show and what people often get wrong</source>
        <translation>Cần cho xem gì và mọi người hay nhầm chỗ nào</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="578" />
        <source>Type notes</source>
        <translation>Gõ ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="584" />
        <source>automatic</source>
        <translation>tự động</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="585" />
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="586" />
        <source>How long this step shows in a clip</source>
        <translation>Bước này hiện bao lâu trong video</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="587" />
        <source>Change duration</source>
        <translation>Đổi thời lượng</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="588" />
        <source>Pause for practice</source>
        <translation>Dừng để thực hành</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="589" />
        <source>In presenter mode, pause after this step so people can try it on their phones</source>
        <translation>Khi trình chiếu, dừng sau bước này để mọi người làm thử trên điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="590" />
        <source>Change practice</source>
        <translation>Đổi thực hành</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="591" />
        <source>Clip duration</source>
        <translation>Thời lượng video</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="660" />
        <source>(no title)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="688" />
        <location filename="../../ui/editor.py" line="791" />
        <source>%1 characters</source>
        <translation>%1 ký tự</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="690" />
        <source>No picture yet.
Choose one, paste a screenshot (Ctrl+Shift+V) or drop a file here.</source>
        <translation>Chưa có hình.
Hãy chọn hình, dán ảnh chụp màn hình (Ctrl+Shift+V) hoặc kéo tệp vào đây.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="750" />
        <source>Edit %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="764" />
        <source>Edit links</source>
        <translation>Sửa liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="796" />
        <source>Add mark</source>
        <translation>Thêm dấu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="797" />
        <source>Move mark</source>
        <translation>Di chuyển dấu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="798" />
        <source>Resize mark</source>
        <translation>Đổi cỡ dấu</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="816" />
        <source>Edit box</source>
        <translation>Sửa hộp lưu ý</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="823" />
        <source>Add box</source>
        <translation>Thêm hộp lưu ý</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="831" />
        <source>Remove box</source>
        <translation>Xóa hộp lưu ý</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="879" />
        <source>Step %1</source>
        <translation>Bước %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="919" />
        <source>Move step</source>
        <translation>Di chuyển bước</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="942" />
        <source>Picture not added</source>
        <translation>Chưa thêm được hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="942" />
        <source>Nothing was changed.</source>
        <translation>Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="957" />
        <source>The picture could not be copied into %1: %2</source>
        <translation>Không chép được hình vào %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="970" />
        <source>Picture added: %1</source>
        <translation>Đã thêm hình: %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="977" />
        <source>Choose a picture</source>
        <translation>Chọn hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="979" />
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)</source>
        <translation>Hình ảnh (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="987" />
        <source>%1 is not a picture file.</source>
        <translation>%1 không phải là tệp hình ảnh.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="989" />
        <source>Set picture</source>
        <translation>Đặt hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="999" />
        <location filename="../../ui/editor.py" line="1010" />
        <source>Paste picture</source>
        <translation>Dán hình</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1003" />
        <source>The copied picture cannot be read.</source>
        <translation>Không đọc được hình đã sao chép.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1014" />
        <source>There is no picture on the clipboard. Take or copy a screenshot first.</source>
        <translation>Bộ nhớ tạm không có hình. Hãy chụp hoặc sao chép ảnh màn hình trước.</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="1025" />
        <source>Remove picture</source>
        <translation>Bỏ hình</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../ui/library_view.py" line="34" />
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="35" />
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="36" />
        <source>Published</source>
        <translation>Đã xuất bản</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="121" />
        <source>No picture</source>
        <translation>Chưa có hình</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="153" />
        <source>Checked %1</source>
        <translation>Kiểm tra %1</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="163" />
        <source>Needs review</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="185" />
        <source>Search guides (accents not needed, e.g. dang ky vssid)</source>
        <translation>Tìm hướng dẫn (không cần gõ dấu, ví dụ: dang ky vssid)</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="187" />
        <source>Type words from the title, topic or summary. Accents and capitals do not matter.</source>
        <translation>Gõ từ trong tiêu đề, chủ đề hoặc tóm tắt. Không cần dấu, không phân biệt hoa thường.</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="190" />
        <source>Show only guides on this topic</source>
        <translation>Chỉ hiện hướng dẫn thuộc chủ đề này</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="193" />
        <source>Show only guides in this state</source>
        <translation>Chỉ hiện hướng dẫn ở trạng thái này</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="194" />
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="198" />
        <source>New guide</source>
        <translation>Hướng dẫn mới</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="199" />
        <source>Start a new guide from the template (Ctrl+N)</source>
        <translation>Tạo hướng dẫn mới từ mẫu (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="201" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="202" />
        <source>Edit the selected guide (Enter)</source>
        <translation>Soạn hướng dẫn đang chọn (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="204" />
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="205" />
        <source>Make a copy of the selected guide, with its pictures</source>
        <translation>Tạo bản sao của hướng dẫn đang chọn, kèm hình ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="207" />
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="208" />
        <source>Move the selected guide to the trash (you can restore it from there)</source>
        <translation>Chuyển hướng dẫn đang chọn vào thùng rác (có thể khôi phục từ đó)</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="243" />
        <source>All topics</source>
        <translation>Mọi chủ đề</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="255" />
        <source>%1 of %2 guides</source>
        <translation>%1 / %2 hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/library_view.py" line="257" />
        <source>%1 need review</source>
        <translation>%1 cần xem lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="138" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="140" />
        <source>New guide…</source>
        <translation>Hướng dẫn mới…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="140" />
        <source>Start a new guide from the template</source>
        <translation>Tạo hướng dẫn mới từ mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="143" />
        <source>Open library folder…</source>
        <translation>Mở thư mục thư viện…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="143" />
        <source>Show the guides in another folder</source>
        <translation>Xem hướng dẫn trong thư mục khác</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="145" />
        <source>Recent guides</source>
        <translation>Hướng dẫn gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="147" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="147" />
        <source>Save the guide</source>
        <translation>Lưu hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="149" />
        <source>Back to library</source>
        <translation>Về thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="149" />
        <source>Close the guide and show all guides</source>
        <translation>Đóng hướng dẫn và xem tất cả hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="153" />
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="153" />
        <source>Make infographics, handouts, clips and more</source>
        <translation>Tạo infographic, tài liệu phát tay, video và nhiều hơn</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="157" />
        <source>Print handout…</source>
        <translation>In tài liệu phát tay…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="159" />
        <source>Print the handout, with a preview first</source>
        <translation>In tài liệu phát tay, có xem trước</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="163" />
        <location filename="../../ui/app.py" line="534" />
        <source>Present</source>
        <translation>Trình chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="163" />
        <source>Show the guide full screen for a class</source>
        <translation>Trình chiếu toàn màn hình cho lớp học</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="168" />
        <source>Preferences…</source>
        <translation>Tùy chỉnh…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="170" />
        <source>Language and other settings</source>
        <translation>Ngôn ngữ và các cài đặt khác</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="173" />
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="173" />
        <source>Close Trainer</source>
        <translation>Đóng Trainer</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="174" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="175" />
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="177" />
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="182" />
        <source>Find guide</source>
        <translation>Tìm hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="182" />
        <source>Search the library</source>
        <translation>Tìm trong thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="183" />
        <source>&amp;Step</source>
        <translation>&amp;Bước</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="184" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="187" />
        <source>Preview infographic card</source>
        <translation>Xem trước thẻ infographic</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188" />
        <source>Preview handout page</source>
        <translation>Xem trước trang phát tay</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="189" />
        <source>Preview presenter slide</source>
        <translation>Xem trước trang trình chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="195" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="196" />
        <location filename="../../ui/app.py" line="554" />
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="196" />
        <source>List the keyboard shortcuts</source>
        <translation>Xem danh sách phím tắt</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="237" />
        <source>Library</source>
        <translation>Thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="238" />
        <source>The folder %1 cannot be read: %2</source>
        <translation>Không đọc được thư mục %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="245" />
        <source>%1 guide(s) could not be read: %2</source>
        <translation>Không đọc được %1 hướng dẫn: %2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="251" />
        <source>Library folder</source>
        <translation>Thư mục thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="267" />
        <location filename="../../ui/app.py" line="275" />
        <source>New guide</source>
        <translation>Hướng dẫn mới</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="267" />
        <source>Title of the new guide:</source>
        <translation>Tiêu đề hướng dẫn mới:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="276" />
        <source>The guide could not be created in %1: %2</source>
        <translation>Không tạo được hướng dẫn trong %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="289" />
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="289" />
        <source>The guide could not be copied: %1</source>
        <translation>Không sao chép được hướng dẫn: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="293" />
        <source>Copied to %1</source>
        <translation>Đã sao chép vào %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="299" />
        <location filename="../../ui/app.py" line="309" />
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="300" />
        <source>Move the guide in %1 to the trash? You can restore it from the trash.</source>
        <translation>Chuyển hướng dẫn trong %1 vào thùng rác? Bạn có thể khôi phục từ thùng rác.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="310" />
        <source>The guide could not be moved to the trash: %1. Nothing was deleted.</source>
        <translation>Không chuyển được hướng dẫn vào thùng rác: %1. Không có gì bị xóa.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="325" />
        <source>Trainer was closed before some changes were saved, in:
%1

Open that guide to restore them?</source>
        <translation>Trainer đã bị đóng trước khi lưu một số thay đổi, trong:
%1

Mở hướng dẫn đó để khôi phục?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="329" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="330" />
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="360" />
        <source>Open guide</source>
        <translation>Mở hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="360" />
        <source>The guide cannot be opened:
%1</source>
        <translation>Không mở được hướng dẫn:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="322" />
        <location filename="../../ui/app.py" line="364" />
        <source>Unsaved changes found</source>
        <translation>Có thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="366" />
        <source>Trainer was closed before “%1” was saved. Restore the unsaved changes from %2?</source>
        <translation>Trainer đã bị đóng trước khi lưu “%1”. Khôi phục các thay đổi chưa lưu lúc %2?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="370" />
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="371" />
        <source>Discard them</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="402" />
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="403" />
        <source>Save the changes to “%1” before closing?</source>
        <translation>Lưu các thay đổi của “%1” trước khi đóng?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="433" />
        <source>Changed by someone else</source>
        <translation>Người khác đã sửa tệp</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="437" />
        <source>%1 was changed outside Trainer since you opened it (maybe by a colleague on the shared folder). Replace it with your version?</source>
        <translation>%1 đã bị thay đổi bên ngoài Trainer từ lúc bạn mở (có thể do đồng nghiệp trên thư mục dùng chung). Thay bằng bản của bạn?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="440" />
        <source>Replace with mine</source>
        <translation>Thay bằng bản của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="441" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="452" />
        <source>Not saved</source>
        <translation>Chưa lưu được</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="454" />
        <source>%1 could not be saved: %2.

Your changes are still here in the editor; nothing was lost. Free some disk space or check that the folder can be written, then save again.</source>
        <translation>Không lưu được %1: %2.

Những thay đổi của bạn vẫn còn trong cửa sổ soạn thảo, không mất gì. Hãy giải phóng dung lượng ổ đĩa hoặc kiểm tra quyền ghi vào thư mục, rồi lưu lại.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="463" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="478" />
        <source>Reloaded: the guide was changed outside Trainer</source>
        <translation>Đã tải lại: hướng dẫn vừa được sửa bên ngoài Trainer</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="483" />
        <source>The guide file was changed outside Trainer; you will be asked before saving over it</source>
        <translation>Tệp hướng dẫn vừa bị sửa bên ngoài Trainer; bạn sẽ được hỏi trước khi lưu đè</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="492" />
        <source>Trainer — %1</source>
        <translation>Trainer — %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="34" />
        <location filename="../../ui/printing.py" line="41" />
        <source>Print handout</source>
        <translation>In tài liệu phát tay</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="42" />
        <source>The handout cannot be printed: %1</source>
        <translation>Không in được tài liệu phát tay: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="17" />
        <source>Preferences</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="23" />
        <source>The language of menus and buttons (guides keep their own language)</source>
        <translation>Ngôn ngữ của menu và nút bấm (hướng dẫn giữ ngôn ngữ riêng)</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="26" />
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="28" />
        <source>Guides checked longer ago than this are marked 'needs review' in the library</source>
        <translation>Hướng dẫn kiểm tra lâu hơn mức này sẽ được đánh dấu 'cần xem lại' trong thư viện</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="32" />
        <source>Colours and text size used in the preview and as the export default</source>
        <translation>Màu và cỡ chữ dùng cho xem trước và mặc định khi xuất</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="34" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="35" />
        <source>A new language is used the next time Trainer starts.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở Trainer sau.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="36" />
        <source>Needs review after</source>
        <translation>Cần xem lại sau</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="37" />
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <location filename="../../ui/presenter.py" line="216" />
        <source>Presenter view</source>
        <translation>Màn hình người trình bày</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="304" />
        <source>Step %1 of %2</source>
        <translation>Bước %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="306" />
        <source>Practice after step %1 of %2</source>
        <translation>Thực hành sau bước %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="307" />
        <source>Title slide</source>
        <translation>Trang tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="307" />
        <source>Closing slide</source>
        <translation>Trang kết</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="313" />
        <source>Slide %1 of %2</source>
        <translation>Trang %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="316" />
        <source>End of the presentation</source>
        <translation>Hết bài trình chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="317" />
        <source>Next</source>
        <translation>Tiếp theo</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="317" />
        <source>Next: nothing, this is the last slide</source>
        <translation>Tiếp theo: không còn, đây là trang cuối</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="318" />
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="319" />
        <source>(no notes for this slide)</source>
        <translation>(trang này không có ghi chú)</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="322" />
        <source>Screen is BLACK (B to show)</source>
        <translation>Màn hình đang ĐEN (bấm B để hiện)</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="324" />
        <source>Screen is WHITE (W to show)</source>
        <translation>Màn hình đang TRẮNG (bấm W để hiện)</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="326" />
        <source>Go to slide %1 (Enter)</source>
        <translation>Đến trang %1 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/presenter.py" line="330" />
        <source>Next: → ↓ Space PgDn · Back: ← ↑ PgUp · Home/End · number + Enter: go to slide · B/W: black/white · P: presenter view · T: pause timer · Esc: leave</source>
        <translation>Tiếp: → ↓ Cách PgDn · Lùi: ← ↑ PgUp · Home/End · số + Enter: đến trang · B/W: đen/trắng · P: màn hình người trình bày · T: dừng đồng hồ · Esc: thoát</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../ui/presenter.py" line="390" />
        <source>Presenting: %1</source>
        <translation>Đang trình chiếu: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview.py" line="189" />
        <source>Infographic card</source>
        <translation>Thẻ infographic</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="190" />
        <source>Handout page</source>
        <translation>Trang tài liệu phát tay</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="191" />
        <source>Presenter slide</source>
        <translation>Trang trình chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="194" />
        <source>Which output to preview. The preview uses the same drawing code as the export.</source>
        <translation>Xem trước bản nào. Bản xem trước dùng cùng mã vẽ với bản xuất.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="200" />
        <source>Preview:</source>
        <translation>Xem trước:</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="267" />
        <source>Preview not available: %1</source>
        <translation>Chưa xem trước được: %1</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="271" />
        <source>Drawn in %1 ms</source>
        <translation>Vẽ trong %1 ms</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/app.py" line="44" />
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="45" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="46" />
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="47" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="48" />
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="49" />
        <source>Yes to &amp;All</source>
        <translation>Có cho &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="50" />
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="51" />
        <source>N&amp;o to All</source>
        <translation>K&amp;hông cho tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="52" />
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="53" />
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="54" />
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="55" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="56" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57" />
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="58" />
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="59" />
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="60" />
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61" />
        <source>Restore Defaults</source>
        <translation>Về mặc định</translation>
    </message>
</context>
</TS>