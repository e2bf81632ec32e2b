"""The 跨部门协作沟通流程 around the record: 申请表 (request), 需求反馈汇总表
(feedback), 议程 (agenda), the process dates of the record, and the deadlines
of the process itself. Thin layers over the core: the record schema, the
deadline resolver's working-day calendar (chinese_calendar) and the renderers.
"""
