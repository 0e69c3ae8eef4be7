"""The files ``newsarchive init`` writes into a new site folder."""

from __future__ import annotations

from pathlib import Path

from newsarchive.errors import NewsarchiveError
from newsarchive.site.config import PEOPLE_FILE, SITE_FILE

SITE_YAML = """\
# Cấu hình trang lưu trữ (site.yaml).  Dòng bắt đầu bằng # là chú thích.
# Sau khi sửa, chạy 'newsarchive check' để kiểm tra.

# Tên trang, hiện ở đầu mọi trang.
title: {title}

# Một câu giới thiệu ngắn về kho lưu trữ (có thể để trống).
description: ""

# Địa chỉ nơi trang sẽ được đăng, kết thúc bằng /.
# Ví dụ đăng dưới thư mục con: https://example.org/luu-tru/
base_url: /

# Ngôn ngữ của trang (mã ISO): vi là tiếng Việt.
language: vi

# Múi giờ dùng cho ngày giờ đăng bài.
timezone: Asia/Ho_Chi_Minh

# Số bài trên mỗi trang danh sách.
per_page: 20

# Các dòng "rác" của trang báo (nút chia sẻ, mục tin khác...) mà bộ nhập
# (newsarchive import) sẽ bỏ đi, mỗi dòng một mục, viết đúng như trên trang báo.
furniture:
  - Gửi cho bạn bè
  - In bài viết

# Thư mục chứa các bản ghi bài viết (tệp .md).
content_dir: content

# Thư mục nhận trang đã dựng, để đưa lên máy chủ web.
output_dir: public
"""

PEOPLE_YAML = """\
# Danh sách người (people.yaml): ai là ai trong toàn bộ kho lưu trữ.
#
# Mặc định, những người cùng tên (không phân biệt hoa thường và vị trí dấu:
# Thủy = Thuỷ) được coi là một người.  Tệp này dùng để sửa khi điều đó sai.
#
# TÁCH hai người trùng tên theo chức vụ: người phát biểu có chức vụ chứa một
# trong các chuỗi ở 'roles' sẽ thuộc mục đó.
#
# - id: tran-hong-ha-pho-thu-tuong
#   name: Trần Hồng Hà
#   roles: ["Phó Thủ tướng"]
# - id: tran-hong-ha-dang-uy-khoi
#   name: Trần Hồng Hà
#   roles: ["Đảng ủy Khối"]
#
# GỘP các cách viết khác nhau của cùng một người; 'name' là tên hiển thị:
#
# - id: nguyen-van-a
#   name: Nguyễn Văn A
#   aliases: ["Nguyen Van A", "Nguyễn Văn Á"]
#
# Một bản ghi cũng có thể chỉ định thẳng người bằng 'id':
#   speakers:
#   - name: Trần Hồng Hà
#     role: Phó Thủ tướng
#     id: tran-hong-ha-pho-thu-tuong
[]
"""

FOLDERS = ("content", "templates", "static")


def create_site(root: Path, title: str) -> list[Path]:
    """Create a site folder; refuse if ``root`` already has a ``site.yaml``."""
    config = root / SITE_FILE
    if config.exists():
        raise NewsarchiveError("đã có site.yaml ở đây; không ghi đè", config)
    root.mkdir(parents=True, exist_ok=True)
    created = []
    for name in FOLDERS:
        (root / name).mkdir(exist_ok=True)
        created.append(root / name)
    people = root / PEOPLE_FILE
    if not people.exists():
        people.write_text(PEOPLE_YAML, encoding="utf-8")
        created.append(people)
    with config.open("x", encoding="utf-8") as handle:
        handle.write(SITE_YAML.format(title=_yaml_text(title)))
    created.append(config)
    return created


def _yaml_text(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar
