"""Page furniture: site chrome that surrounds an article and must not reach its body.

Matching is on a key insensitive to case, punctuation, counters and tone placement, and only
short lines qualify, so a real sentence that merely *starts* like furniture is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsarchive.vi.text import fold

MAX_FURNITURE = 90

# Whole lines that are always chrome (compared after ``furniture_key``).
_EXACT = """
lưu bài viết thành công | lưu bài viết | lưu bài | đã lưu bài viết | bỏ lưu | lưu tin
gửi cho bạn bè | gửi bài viết qua email | gửi email | gửi | gửi tin | in bài | in bài viết | in
bản in | chia sẻ | chia sẻ bài viết | chia sẻ zalo | chia sẻ facebook | zalo | facebook
twitter | email | copy link | sao chép liên kết | sao chép link | copy | link | tweet
các tin khác | tin khác | tin liên quan | bài liên quan | bài viết liên quan | tin cùng chuyên mục
tin cùng chủ đề | bài cùng chuyên mục | xem nhiều nhất | đọc nhiều nhất | đọc nhiều | xem nhiều
tin mới nhất | tin mới | tin nổi bật | tin xem nhiều | tin đọc nhiều | có thể bạn quan tâm
bạn có thể quan tâm | có thể bạn muốn xem | đề xuất cho bạn | dành cho bạn | tin hot
bình luận | ý kiến | ý kiến bạn đọc | gửi bình luận | viết bình luận | bình luận của bạn
xem bình luận | ý kiến của bạn | gửi ý kiến | chọn | thích | like | đọc thêm | xem thêm
xem tiếp | quay lại | trở lại | về đầu trang | lên đầu trang | trang chủ | trang nhất
mới nhất | đăng nhập | đăng ký | đăng xuất | tìm kiếm | menu | video | podcast | emagazine
infographic | ảnh | multimedia | quảng cáo | advertisement | tags | từ khóa | chủ đề | tag
theo dõi chúng tôi | theo dõi | nghe | nghe bài viết | nghe bài này | đọc bài | tải ứng dụng
tải app | bài viết | tin tức | thời sự | chính trị | xã hội | kinh tế | thế giới | pháp luật
văn hóa | giáo dục | sức khỏe | thể thao | giải trí | du lịch | công nghệ | khoa học
đời sống | bạn đọc | góc nhìn | cỡ chữ | aa | a | a+ | a- | font | phóng to | thu nhỏ
báo lỗi | góp ý | phản hồi | đóng | close | x | top | ok | hủy | xác nhận | tiếp theo
bài trước | bài tiếp theo | bài sau | trước | sau | xem tất cả | tất cả | xem toàn bộ
chính trị xã hội | kinh doanh | bất động sản | quân sự | quốc phòng | an ninh | xây dựng đảng
văn hóa xã hội | văn hoá | sức khoẻ | nhịp sống | tiêu điểm | sự kiện | tin tức sự kiện | tin ảnh
quan tâm nhất | được quan tâm | tin được quan tâm | liên hệ | liên hệ quảng cáo | giới thiệu
đặt báo | rss | sitemap | english | mobile | phiên bản di động | retweet | share | pin | lượt xem
""".replace("\n", "|")

# Lines that mark the end of the article: what follows is a list of other stories.
_SECTION_END = """
các tin khác | tin khác | tin liên quan | bài liên quan | bài viết liên quan | tin cùng chuyên mục
tin cùng chủ đề | bài cùng chuyên mục | xem nhiều nhất | đọc nhiều nhất | đọc nhiều | xem nhiều
tin mới nhất | tin nổi bật | tin xem nhiều | tin đọc nhiều | có thể bạn quan tâm
bạn có thể quan tâm | có thể bạn muốn xem | đề xuất cho bạn | bình luận | ý kiến bạn đọc
gửi bình luận | viết bình luận | tin mới | bài trước | bài tiếp theo | xem thêm
quan tâm nhất | tin được quan tâm | tin cùng loại | bài viết khác | các bài viết khác | ý kiến
""".replace("\n", "|")

_PREFIX = re.compile(
    r"^(?:lưu bài viết thành công|bạn đã lưu|đã lưu vào|theo dõi .{0,60}(?:google news|zalo|"
    r"facebook|youtube|tiktok)|tải ứng dụng|chia sẻ (?:qua|lên|bài)|bình luận \(|"
    r"bình luận \d|\d+ bình luận|tags?\s*:|từ khóa\s*:|chủ đề\s*:|trang chủ\s*[>/»›|]|"
    r"xem thêm\s*:|đọc thêm\s*:|xem tiếp\s*:|>>|»|bản quyền|copyright|©|"
    r"ảnh minh họa\s*$|lượt (?:xem|đọc|thích|chia sẻ)\s*:?\s*[\d.,]+\s*$|[\d.,]+ lượt (?:xem|đọc)|"
    r"(?:hotline|email|e-mail|fax|điện thoại|tel|đường dây nóng)\s*:)",
    re.IGNORECASE,
)
_KEY_JUNK = re.compile(r"[\W\d_]+")
_CRUMB_SEPARATOR = re.compile(r"\s+[>»›|/]\s+")
# A site's masthead above the headline: "Báo Nhân Dân", "Cổng thông tin điện tử …", "abc.vn".
_MASTHEAD = re.compile(
    r"^(?:(?i:báo)(?: (?i:điện tử))? [A-ZĐ]|(?i:cổng thông tin|trang thông tin|trang tin)|"
    r"(?i:tạp chí|đài) [A-ZĐ]|(?i:thông tấn xã)|[\w.-]+\.(?:vn|com|net|org)\b)",
)


@lru_cache(maxsize=8192)
def furniture_key(line: str) -> str:
    """Folded lower-case letters, single-spaced: ``"Gửi cho bạn bè!"`` → ``"gui cho ban be"``.

    Cached: it is asked for short lines (headings, site chrome) that recur across a site's
    articles, several times per line."""
    return " ".join(_KEY_JUNK.sub(" ", fold(line).casefold()).split())


def _keys(spec: str) -> frozenset[str]:
    return frozenset(furniture_key(part) for part in spec.split("|") if part.strip())


EXACT_KEYS = _keys(_EXACT)
SECTION_END_KEYS = _keys(_SECTION_END)


def is_furniture(line: str) -> bool:
    """True for a line of site chrome (short, and a known phrase or pattern)."""
    text = line.strip()
    if not text:
        return False
    # casefold maps each character on its own: a prefix decides the start
    if text[:32].casefold().startswith(("lưu bài viết thành công", "luu bai viet thanh cong")):
        return True
    if len(text) > MAX_FURNITURE:
        return False
    if text.endswith((".", "?", "!", "”", '"')) and len(text.split()) > 4:
        return False
    key = furniture_key(text)
    return key in EXACT_KEYS or bool(_PREFIX.match(text)) or is_breadcrumb(text)


def is_breadcrumb(text: str) -> bool:
    """``"Thời sự > Chính trị"``: short segments joined by ``>``, ``»``, ``|`` or ``/``."""
    parts = _CRUMB_SEPARATOR.split(text)
    return (
        len(parts) >= 2
        and all(0 < len(p.split()) <= 4 and p[:1].isupper() for p in parts)
        and not any(c.isdigit() for c in text)
        and not text.endswith((".", "?", "!"))
    )


_MASTHEAD_WORD = re.compile(
    r"^(?:báo|cổng thông tin|trang thông tin|trang tin|tạp chí|đài|thông tấn xã)"
    r"(?:\s+điện tử)?\s*",
    re.IGNORECASE,
)


def is_masthead(line: str) -> bool:
    """A site name printed above the headline (checked only before the title)."""
    text = line.strip()
    match = _MASTHEAD.match(text)
    if not match or len(text) > 80 or text.endswith((".", "?", "!", ":")):
        return False
    rest = _MASTHEAD_WORD.sub("", text)
    lower = [w for w in rest.split() if w[:1].islower()]
    return len(lower) <= 1 and len(text.split()) <= 10


# Headings of story lists, anywhere in a short line: "Video đang được xem nhiều", "Tin cùng
# chuyên mục Thời sự" (compared on the folded key).
_LIST_HEADING = re.compile(
    r"(?:^| )(?:xem nhieu|doc nhieu|quan tam nhat|duoc quan tam|tin lien quan|bai lien quan|"
    r"cung chuyen muc|tin khac|bai viet khac|moi nhat|co the ban quan tam|ban co the quan tam|"
    r"tin noi bat|tieu diem)(?: |$)"
)
# Comment sections: after the article, what follows are readers' comments.
_COMMENTS = re.compile(
    r"^(?:binh luan|y kien ban doc|y kien cua ban|gui binh luan|viet binh luan|gui y kien|"
    r"ban doc binh luan|y kien)(?: |$)"
)
# Site footer: imprint, licence, newsroom address and contacts.
_FOOTER = re.compile(
    r"^(?:(?i:bản quyền|giấy phép|tổng biên tập|phó tổng biên tập|chịu trách nhiệm|"
    r"cơ quan chủ quản|liên hệ quảng cáo|ghi rõ nguồn|không được sao chép|cấm sao chép|"
    r"tòa soạn|toà soạn|trụ sở|địa chỉ|hotline|email|e-mail|điện thoại|fax|đường dây nóng)"
    r"(?!\w))"
)
# What makes a footer line an imprint rather than a sentence that starts with the same words.
_FOOTER_TELL = re.compile(r":|@|thuộc về|(?i:số) \d|\d{3}")


def is_section_end(line: str) -> bool:
    """True for a heading such as "Các tin khác" after which only other stories follow."""
    text = line.strip()
    if not text or len(text) > 60:
        return False
    key = furniture_key(text)
    if key in SECTION_END_KEYS:
        return True
    return (
        len(key.split()) <= 6
        and not text.endswith((".", "?", "!"))
        and bool(_LIST_HEADING.search(key))
    )


def is_comment_heading(line: str) -> bool:
    """A comments heading ("Bình luận (3)", "Ý kiến bạn đọc"): readers' comments follow."""
    text = line.strip()
    if not text or len(text) > 40 or text.endswith((".", "?", "!")):
        return False
    key = furniture_key(text)
    return len(key.split()) <= 5 and bool(_COMMENTS.match(key))


def is_footer(line: str) -> bool:
    """A line of the site footer: copyright, licence, newsroom address, contacts."""
    text = line.strip()
    if not text or len(text) > 250:
        return False
    if text.startswith(("©", "(c) ", "(C) ")) or text[:16].casefold().startswith("copyright"):
        return True
    return len(text) <= 100 and bool(_FOOTER.match(text)) and bool(_FOOTER_TELL.search(text))
