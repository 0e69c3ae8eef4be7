"""Screenshots of the main page types for the README.

Builds a throw-away site from made-up records (never the publishers' articles), serves it
under ``/archive/`` and photographs it with Debian's headless Chromium:

    PYTHONPATH=src python docs/screenshots/take.py
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from newsarchive.site import BuildOptions, build_site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


HERE = Path(__file__).resolve().parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PEOPLE = [
    ("Nguyễn Văn An", "Bí thư Đảng ủy phường Minh Khai"),
    ("Trần Thị Bích", "Chủ tịch Hội Liên hiệp Phụ nữ quận"),
    ("Lê Hoàng Dũng", "Giám đốc Sở Giao thông vận tải"),
    ("Phạm Minh Đức", "Phó Chủ tịch UBND tỉnh"),
    ("Võ Thị Hồng", "Hiệu trưởng Trường THPT Chu Văn An"),
]
TOPICS = [
    "Hội nghị tổng kết công tác dân vận năm {y}",
    "Khánh thành cầu Bình Minh nối hai bờ sông Hồng",
    "Ra mắt mô hình “Dân vận khéo” ở khu dân cư số {n}",
    "Tập huấn kỹ năng chuyển đổi số cho cán bộ cơ sở",
    "Ngày hội đọc sách cho thiếu nhi tại thư viện tỉnh",
    "Triển khai kế hoạch phòng, chống thiên tai mùa mưa bão",
    "Gặp mặt các nhà giáo tiêu biểu nhân ngày 20 tháng 11",
]
PARAGRAPH = (
    "Phát biểu tại buổi lễ, đồng chí {name}, {role}, nhấn mạnh: công tác dân vận phải "
    "gần dân, hiểu dân, học dân và có trách nhiệm với dân; mọi chủ trương cần được bàn "
    "bạc công khai để người dân cùng tham gia, cùng giám sát và cùng thụ hưởng."
)


def made_up_records(content: Path, count: int = 64) -> None:
    """``count`` invented articles over 2023–2024 with rotating speakers."""
    day = dt.date(2024, 6, 28)
    for i in range(count):
        name, role = PEOPLE[i % len(PEOPLE)]
        other, other_role = PEOPLE[(i * 3 + 1) % len(PEOPLE)]
        title = TOPICS[i % len(TOPICS)].format(y=day.year, n=i + 1)
        body = "\n\n".join([
            PARAGRAPH.format(name=name, role=role),
            f"Theo {other}, {other_role}, trong năm qua địa phương đã hoàn thành "
            "nhiều chỉ tiêu quan trọng; đời sống vật chất và tinh thần của nhân dân "
            "tiếp tục được nâng lên.",
            "Buổi lễ khép lại bằng chương trình văn nghệ do các em học sinh biểu diễn.",
        ])
        folder = content / f"{day:%Y/%m/%d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"bai-{i:03d}.md").write_text(
            f"---\ntitle: '{title}'\ndate: '{day.isoformat()}'\nslug: bai-{i:03d}\n"
            f"authors:\n- Minh Hà\ncredit: Tin và ảnh\nspeakers:\n"
            f"- name: {name}\n  role: {role}\n- name: {other}\n  role: {other_role}\n"
            f"images:\n- caption: Quang cảnh buổi lễ\n---\n\n{body}\n",
            encoding="utf-8",
        )
        day -= dt.timedelta(days=(i % 4) + 2 if i % 9 else 0)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        made_up_records(root / "content")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet,
                                                                 directory=str(root)))
        base = f"http://127.0.0.1:{server.server_address[1]}/archive/"
        build_site(BuildOptions(content=root / "content", output=root / "archive",
                                base_url=base))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        shots = [
            ("home", "", 1200, None),
            ("article", "2024/06/28/bai-000/", 1200, None),
            ("month", "2024/06/", 1200, None),
            ("speaker", "speakers/nguyen-van-an/", 1200, None),
            ("search", "search/?q=dan+van", 1200, ".pagefind-ui__result-link"),
            ("mobile", "2024/06/", 375, None),
        ]
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                for name, url, width, wait in shots:
                    page = browser.new_page(viewport={"width": width, "height": 900},
                                            device_scale_factor=1)
                    page.goto(base + url)
                    if wait:
                        page.locator(wait).first.wait_for()
                        page.wait_for_timeout(300)
                    page.screenshot(path=HERE / f"{name}.png")
                    page.close()
                browser.close()
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
