// Times the books screens (Today, a sale's detail, transfers, the Day) share: times of day
// and dates as the language spoken writes them (Intl with that language: 14:05 or 14.05; 3.12.2026, 03.12.2026, 2026-12-03).

import { language, t } from "./i18n.js";

/** The time of day in the till's local time: 14:05 (en, sv, nb), 14.05 (da, fi). */
export function clockTime(ms) {
  return new Intl.DateTimeFormat(language().lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(ms),
  );
}

// The day without the time: "2 Dec" in English (as before), else the language's date with
// its year, as kassa_i18n::format writes it (fi 3.12.2026, da and nb 03.12.2026, sv 2026-12-03).
function dayText(d) {
  const { lang } = language();
  if (lang === "en") return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" }).format(d);
  const two = lang === "fi" ? "numeric" : "2-digit";
  return new Intl.DateTimeFormat(lang, { day: two, month: two, year: "numeric" }).format(d);
}

/** A time on the books: the time alone for today's, with its day for another day's. */
export function when(ms, nowMs = Date.now()) {
  if (ms === null || ms === undefined) return "";
  const d = new Date(ms);
  const now = new Date(nowMs);
  if (d.toDateString() === now.toDateString()) return clockTime(ms);
  return t("books-day-and-time", { day: dayText(d), time: clockTime(ms) });
}
