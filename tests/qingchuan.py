"""Invented reports of an invented city, shared by the web tests: a target year, then the year
that reports on it."""

REPORT_2023 = """青川市人民政府工作报告
2023年1月12日在青川市第十届人民代表大会第二次会议上
一、2022年工作回顾
过去一年，全市地区生产总值增长5.1%，城镇新增就业2.8万人。
二、2023年主要目标
地区生产总值增长6%左右，城镇新增就业3万人以上，居民消费价格涨幅3%左右。
"""
REPORT_2024 = """青川市人民政府工作报告
2024年1月10日在青川市第十届人民代表大会第三次会议上
一、2023年工作回顾
过去一年，全市地区生产总值增长6.2%，城镇新增就业3.1万人，居民消费价格上涨0.4%，粮食产量达到41.5亿斤。
二、2024年主要目标
地区生产总值增长5.5%—6%，城镇新增就业3万人以上。
"""

# A nation and a province above it, for the parent comparison (the numbers are invented).
NATION_2023 = """政府工作报告
——2023年3月5日在第十四届全国人民代表大会第一次会议上
国务院总理
一、2022年工作回顾
过去一年，国内生产总值增长3.3%。
二、2023年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长5%左右。
"""
PROVINCE_2023 = """四川省人民政府工作报告
2023年1月12日在四川省第十四届人民代表大会第一次会议上
一、2022年工作回顾
过去一年，全省地区生产总值增长2.9%。
二、2023年主要目标
地区生产总值增长6%以上。
"""


def ingest_reports(folder, reports: dict[str, str], db_name: str = "p.duckdb"):
    """Write each invented report into ``folder`` and ingest them; the database's path."""
    from zhibiao.store import Database

    paths = []
    for name, text in reports.items():
        paths.append(folder / name)
        paths[-1].write_text(text, encoding="utf-8")
    with Database(folder / db_name) as db:
        db.ingest(paths, workers=1, progress=False)
    return folder / db_name


def wait_upload(client, job: str, timeout: float = 60) -> dict:
    """Poll an upload's state until the worker is done with it."""
    import time

    deadline = time.monotonic() + timeout
    state: dict = {}
    while time.monotonic() < deadline:
        state = client.get(f"/api/uploads/{job}").json()
        if state["done"]:
            return state
        time.sleep(0.05)
    raise AssertionError(f"upload {job} did not finish: {state}")
