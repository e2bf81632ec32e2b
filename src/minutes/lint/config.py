"""Lint configuration: `minutes.toml`, or `[tool.minutes]` in pyproject.toml,
found by walking up from the current folder. Unknown keys are errors.

    fail-level = "error"            # error | warning | info | never
    profile = "kuabumen"            # required fields of the 跨部门协作沟通记录表
    required-fields = ["topic", "date", "participants", "recorder"]
    allow = ["尽快响应"]             # phrases never flagged
    rules-dirs = ["my-rules"]       # extra rule packs
    [rules]
    "action/due-missing" = "error"  # per-rule level: error | warning | info | off
    [[overrides]]
    paths = ["archive/**"]
    rules = { "meta/required-field" = "off" }
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from .model import LEVELS

PROFILES = {
    "default": ["topic", "date", "participants", "recorder"],
    "kuabumen": ["topic", "date", "time", "location", "participants", "initiator", "recorder"],
}
_TOP = {"fail-level", "profile", "required-fields", "allow", "rules", "overrides", "rules-dirs"}
_OVERRIDE = {"paths", "rules", "required-fields", "allow"}
FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass(slots=True)
class Config:
    source: str | None = None
    fail_level: str = "error"
    required: list[str] = field(default_factory=lambda: list(PROFILES["default"]))
    allow: set[str] = field(default_factory=set)
    levels: dict[str, str] = field(default_factory=dict)
    overrides: list[dict] = field(default_factory=list)
    rules_dirs: list[str] = field(default_factory=list)

    def for_path(self, path: str) -> "Config":
        """The settings that apply to one file, overrides merged in order."""
        levels, required, allow = dict(self.levels), list(self.required), set(self.allow)
        for o in self.overrides:
            if any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(Path(path).name, p) for p in o["paths"]):
                levels.update(o.get("rules", {}))
                required = list(o.get("required-fields", required))
                allow |= set(o.get("allow", ()))
        return Config(self.source, self.fail_level, required, allow, levels, [], self.rules_dirs)

    def as_toml_dict(self) -> dict:
        return {"source": self.source, "fail-level": self.fail_level, "required-fields": self.required,
                "allow": sorted(self.allow), "rules": self.levels, "overrides": self.overrides,
                "rules-dirs": self.rules_dirs}


def find(start: Path) -> tuple[Path, dict] | None:
    for d in (start, *start.parents):
        m = d / "minutes.toml"
        if m.is_file():
            return m, _read(m)
        p = d / "pyproject.toml"
        if p.is_file():
            data = _read(p).get("tool", {}).get("minutes")
            if data is not None:
                return p, data
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path=str(path)) from None


def load(explicit: str | None = None, cwd: Path | None = None) -> Config:
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError("config file not found", path=explicit)
        data = _read(p)
        if p.name == "pyproject.toml":
            data = data.get("tool", {}).get("minutes", {})
        found: tuple[Path, dict] | None = (p, data)
    else:
        found = find((cwd or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, data = found
    return _parse(str(path), data)


def _parse(src: str, data: dict) -> Config:
    def bad(msg: str) -> ConfigError:
        return ConfigError(msg, path=src)

    unknown = set(data) - _TOP
    if unknown:
        raise bad(f"unknown key(s) {sorted(unknown)}; known: {sorted(_TOP)}")
    cfg = Config(source=src)
    cfg.fail_level = data.get("fail-level", "error")
    if cfg.fail_level not in FAIL_LEVELS:
        raise bad(f"fail-level must be one of {FAIL_LEVELS}")
    profile = data.get("profile", "default")
    if profile not in PROFILES:
        raise bad(f"unknown profile {profile!r}; known: {sorted(PROFILES)}")
    cfg.required = list(data.get("required-fields", PROFILES[profile]))
    from .checks import FIELD_LABELS

    for f in cfg.required:
        if f not in FIELD_LABELS:
            raise bad(f"unknown required field {f!r}; known: {sorted(FIELD_LABELS)}")
    cfg.allow = set(data.get("allow", ()))
    cfg.rules_dirs = list(data.get("rules-dirs", ()))
    cfg.levels = _levels(data.get("rules", {}), bad)
    for o in data.get("overrides", ()):
        extra = set(o) - _OVERRIDE
        if extra or "paths" not in o:
            raise bad(f"an [[overrides]] entry needs `paths` and takes only {sorted(_OVERRIDE)}")
        cfg.overrides.append({**o, "rules": _levels(o.get("rules", {}), bad)})
    return cfg


def _levels(table: dict, bad) -> dict[str, str]:
    for rid, lvl in table.items():
        if lvl not in LEVELS:
            raise bad(f"rule {rid}: level must be one of {LEVELS}, not {lvl!r}")
    return dict(table)


def check_rule_ids(cfg: Config, known: set[str]) -> None:
    for rid in list(cfg.levels) + [r for o in cfg.overrides for r in o.get("rules", {})]:
        if rid not in known:
            raise ConfigError(f"unknown rule {rid!r} in [rules]", path=cfg.source)
