//! When a Good Faith Estimate is due, in business days (45 CFR 149.610(b)(1)(vi) to (vii)): what
//! the staff page says beside the form, never on the document. Staff's module only (`cfg(staff)`),
//! on `jiff`'s civil dates.
//!
//! - Booked at least 10 business days before the first injection: within 3 business days of
//!   booking.
//! - Booked at least 3 business days before it: within 1 business day of booking.
//! - Booked fewer than 3 business days before it: none is required.
//! - Asked for, with nothing booked: within 3 business days of the request.
//! - A reopened quote being changed: the revised one no later than 1 business day before the
//!   first injection.
//!
//! A business day is one of the clinic's open weekdays (Monday to Friday) that is neither a US
//! federal holiday (5 U.S.C. 6103(a), on the day the law names and on the day federal offices
//! observe it) nor one of the price book's `clinic.closed_dates`.

use jiff::civil::{Date, Weekday};

use crate::calendar;
use crate::language::Language;
use crate::price_book::PriceBook;

/// The clinic's business days.
pub(crate) struct BusinessDays {
    /// The book's closed dates (each checked when the book was read).
    closed: Vec<Date>,
}

impl BusinessDays {
    /// The business days of the clinic of `book`.
    pub(crate) fn of(book: &PriceBook) -> BusinessDays {
        let closed = book.document().clinic.closed_dates.iter();
        BusinessDays {
            closed: closed
                .filter_map(|closed| civil(calendar::Date::parse(&closed.date).ok()?))
                .collect(),
        }
    }

    /// Whether the clinic does business on `day`.
    pub(crate) fn is_business_day(&self, day: Date) -> bool {
        let open = !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        open && !is_federal_holiday(day) && !self.closed.contains(&day)
    }

    /// The `n`th business day after `day` (not counting `day` itself), or `None` past the
    /// calendar's end.
    pub(crate) fn after(&self, day: Date, n: u32) -> Option<Date> {
        let mut day = day;
        for _ in 0..n {
            day = day.tomorrow().ok()?;
            while !self.is_business_day(day) {
                day = day.tomorrow().ok()?;
            }
        }
        Some(day)
    }

    /// The last business day before `day`, or `None` before the calendar's start.
    pub(crate) fn before(&self, day: Date) -> Option<Date> {
        let mut day = day.yesterday().ok()?;
        while !self.is_business_day(day) {
            day = day.yesterday().ok()?;
        }
        Some(day)
    }
}

/// Whether `day` is a legal public holiday of 5 U.S.C. 6103(a), or the day federal offices
/// observe one: the Friday before one on a Saturday, the Monday after one on a Sunday. (Inauguration
/// Day, a holiday only in and around Washington, D.C., every fourth January 20, is left out.)
pub(crate) fn is_federal_holiday(day: Date) -> bool {
    let observed = match day.weekday() {
        Weekday::Friday => day.tomorrow().is_ok_and(is_dated_holiday),
        Weekday::Monday => day.yesterday().is_ok_and(is_dated_holiday),
        _ => false,
    };
    observed || is_dated_holiday(day) || is_weekday_holiday(day)
}

/// The holidays on a date of the year: New Year's Day (January 1), Juneteenth National
/// Independence Day (June 19, since 2021), Independence Day (July 4), Veterans Day (November 11)
/// and Christmas Day (December 25).
fn is_dated_holiday(day: Date) -> bool {
    match (day.month(), day.day()) {
        (1, 1) | (7, 4) | (11, 11) | (12, 25) => true,
        (6, 19) => day.year() >= 2021,
        _ => false,
    }
}

/// The holidays on a weekday of a month: the Birthday of Martin Luther King, Jr. (third Monday in
/// January), Washington's Birthday (third Monday in February), Memorial Day (last Monday in May),
/// Labor Day (first Monday in September), Columbus Day (second Monday in October) and
/// Thanksgiving Day (fourth Thursday in November).
fn is_weekday_holiday(day: Date) -> bool {
    let (nth, weekday) = match day.month() {
        1 | 2 => (3, Weekday::Monday),
        5 => (-1, Weekday::Monday),
        9 => (1, Weekday::Monday),
        10 => (2, Weekday::Monday),
        11 => (4, Weekday::Thursday),
        _ => return false,
    };
    day.nth_weekday_of_month(nth, weekday)
        .is_ok_and(|holiday| holiday == day)
}

/// When the Good Faith Estimate of a quote is due, as worked out from the dates staff entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Due {
    /// Booked at least 3 business days before the first injection (`within` 1 business day of
    /// booking) or at least 10 (`within` 3): due `by`.
    AfterBooking {
        /// The day it was booked.
        booked: Date,
        /// Business days after booking.
        within: u32,
        /// The last day to give it.
        by: Date,
    },
    /// Booked fewer than 3 business days before the first injection: none is required.
    NotRequired {
        /// The day it was booked.
        booked: Date,
        /// The first injection's day.
        first: Date,
    },
    /// Booked, with no date for the first injection yet.
    NeedsServiceDate,
    /// Asked for, with nothing booked: due `by`, 3 business days after the request.
    AfterRequest {
        /// The day the patient asked.
        asked: Date,
        /// The last day to give it.
        by: Date,
    },
}

/// When the Good Faith Estimate is due for a booking on `booked` and a request on `asked`, with the
/// first injection on `first` (if it has a date); `None` with neither date. With both, the earlier
/// deadline: a request is owed its estimate whether or not the patient then books.
pub(crate) fn due(
    days: &BusinessDays,
    booked: Option<Date>,
    asked: Option<Date>,
    first: Option<Date>,
) -> Option<Due> {
    let requested = asked.and_then(|asked| {
        let by = days.after(asked, 3)?;
        Some(Due::AfterRequest { asked, by })
    });
    let booking = booked.and_then(|booked| {
        let Some(first) = first else {
            return Some(Due::NeedsServiceDate);
        };
        // Booked "at least N business days before" the injection: the Nth business day after the
        // booking is on or before it.
        let ahead = |n| days.after(booked, n).is_some_and(|day| day <= first);
        let within = match (ahead(10), ahead(3)) {
            (true, _) => 3,
            (false, true) => 1,
            (false, false) => return Some(Due::NotRequired { booked, first }),
        };
        let by = days.after(booked, within)?;
        Some(Due::AfterBooking { booked, within, by })
    });
    match (booking, requested) {
        (Some(Due::AfterBooking { by, .. }), Some(Due::AfterRequest { by: asked_by, .. }))
            if by <= asked_by =>
        {
            booking
        }
        (_, Some(request)) => Some(request),
        (booking, None) => booking,
    }
}

/// What the staff page says beside the form of a quote request about when its Good Faith Estimate
/// is due, in `language`: nothing for a quote that is not one (coverage other than self-pay), or
/// with neither a booking nor a request date. `revising` is the reopened quote being changed
/// (its number and issue date): the revised estimate's deadline follows, and only a booking or
/// request made after that quote was issued counts beside it. Dates that are not dates say nothing here
/// (the quote refuses them at their fields).
pub(crate) fn said(
    book: &PriceBook,
    language: Language,
    dates: Dates,
    revising: Option<&super::Replaced>,
) -> Vec<String> {
    let dates = match revising {
        Some(replaced) => dates.revising(&replaced.issued_on),
        None => dates,
    };
    let words = language.date_words();
    let long = |day: Date| {
        let gfe = language.gfe_words();
        let month = gfe.months[day.month().unsigned_abs() as usize - 1];
        let date = (gfe.long_date)(
            u32::from(day.year().unsigned_abs()),
            month,
            u32::from(day.day().unsigned_abs()),
        );
        let weekday = words.weekdays[day.weekday().to_monday_zero_offset().unsigned_abs() as usize];
        (words.on)(weekday, &date)
    };
    let days = BusinessDays::of(book);
    let mut said = Vec::new();
    let by = match due(&days, dates.booked, dates.asked, dates.first) {
        None => None,
        Some(Due::NeedsServiceDate) => {
            said.push(words.needs_service_date.to_owned());
            None
        }
        Some(Due::NotRequired { booked, first }) => {
            said.push((words.not_required)(&long(booked), &long(first)));
            None
        }
        Some(Due::AfterBooking { booked, within, by }) => {
            said.push((words.due_after_booking)(&long(booked), within, &long(by)));
            Some(by)
        }
        Some(Due::AfterRequest { asked, by }) => {
            said.push((words.due_after_request)(&long(asked), &long(by)));
            Some(by)
        }
    };
    // A revision's booking or request dates count only when made after the estimate it revises
    // (`Dates::revising`): the first estimate's, given on time or not, are not what staff must act
    // on now.
    // That a deadline has passed is said once, after the last deadline said.
    let passed = |day: Option<Date>| {
        day.zip(dates.issued)
            .is_some_and(|(by, issued)| by < issued)
    };
    if revising.is_none() && passed(by) {
        said.push(words.past_due.to_owned());
    }
    if let Some(replaced) = revising {
        let before = dates.first.and_then(|first| days.before(first));
        said.push((words.revised_due)(
            &replaced.quote_number,
            before.map(long).as_deref(),
        ));
        if passed(by) || passed(before) {
            said.push(words.past_due.to_owned());
        }
    }
    said
}

/// What to fix, in `request`'s language, when a date its Good Faith Estimate's deadline is worked
/// out from is among the `refused` paths: the booking date, the request date, and the first
/// injection's date when a booking date is given (a deadline from a booking counts to it). `None`
/// when none is refused: no deadline is ever worked out from a refused date.
pub(crate) fn refused_date(request: &super::QuoteRequest, refused: &[&str]) -> Option<String> {
    let words = request.answers.language.date_words();
    let booked = !request.booked_on.trim().is_empty();
    let [first, booking, asked] = words.due_dates;
    [
        ("booked_on", booking, true),
        ("estimate_requested_on", asked, true),
        ("scheduled_on", first, booked),
    ]
    .into_iter()
    .find(|(path, _, counts)| *counts && refused.contains(path))
    .map(|(_, field, _)| (words.fix_date_to_see_due)(field))
}

/// The dates of a quote request that say when its Good Faith Estimate is due, each `None` when
/// blank or not a date.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Dates {
    /// The issue date.
    pub issued: Option<Date>,
    /// The day the first injection was booked.
    pub booked: Option<Date>,
    /// The day the patient asked for an estimate.
    pub asked: Option<Date>,
    /// The first injection's day.
    pub first: Option<Date>,
}

impl Dates {
    /// The dates of `request`'s texts.
    pub(crate) fn of(request: &super::QuoteRequest) -> Dates {
        let day = |text: &str| civil(calendar::Date::parse(text.trim()).ok()?);
        Dates {
            issued: day(&request.issued_on),
            booked: day(&request.booked_on),
            asked: day(&request.estimate_requested_on),
            first: day(&request.scheduled_on),
        }
    }
}

impl Dates {
    /// These dates for a revision of an estimate issued on `replaced_issued` (`YYYY-MM-DD`): a
    /// booking or a request counts only when made after that day, for an older one was that
    /// estimate's, already answered (a form reopened to revise keeps its dates).
    pub(crate) fn revising(self, replaced_issued: &str) -> Dates {
        let issued = calendar::Date::parse(replaced_issued).ok().and_then(civil);
        let since =
            |day: Option<Date>| day.filter(|day| issued.is_some_and(|issued| *day > issued));
        Dates {
            booked: since(self.booked),
            asked: since(self.asked),
            ..self
        }
    }
}

/// When a revision with `dates` (already [`Dates::revising`]) is due: no later than 1 business
/// day before its first injection (45 CFR 149.610(b)(1)(vii)), or sooner when the injection was
/// booked (or the estimate asked for) after the estimate it revises and that booking's own
/// deadline comes first (149.610(b)(1)(vi)).
pub(crate) fn revision_due(days: &BusinessDays, dates: Dates) -> Option<Date> {
    let before_injection = dates.first.and_then(|first| days.before(first));
    let booking = match due(days, dates.booked, dates.asked, dates.first) {
        Some(Due::AfterBooking { by, .. } | Due::AfterRequest { by, .. }) => Some(by),
        _ => None,
    };
    match (before_injection, booking) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The civil date of a calendar date (1900 to 9999: always one).
fn civil(date: calendar::Date) -> Option<Date> {
    let (year, month, day) = date.parts();
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// The sample book's business days: Monday to Friday, less federal holidays; none closed.
    fn sample() -> BusinessDays {
        BusinessDays { closed: Vec::new() }
    }

    /// Due `by`, `within` business days of a booking on `booked`.
    fn after_booking(booked: Date, within: u32, by: Date) -> Option<Due> {
        Some(Due::AfterBooking { booked, within, by })
    }

    #[test]
    fn federal_holidays_and_the_days_they_are_observed() {
        // 2026: New Year's Day Thu Jan 1; King Mon Jan 19 (Mondays 5, 12, 19); Washington Mon
        // Feb 16 (2, 9, 16); Memorial Mon May 25 (last: 4, 11, 18, 25); Juneteenth Fri Jun 19;
        // Independence Sat Jul 4, observed Fri Jul 3; Labor Mon Sep 7; Columbus Mon Oct 12 (5,
        // 12); Veterans Wed Nov 11; Thanksgiving Thu Nov 26 (Thursdays 5, 12, 19, 26); Christmas
        // Fri Dec 25.
        let holidays = [
            (1, 1),
            (1, 19),
            (2, 16),
            (5, 25),
            (6, 19),
            (7, 3),
            (7, 4),
            (9, 7),
        ];
        for (month, day) in holidays
            .into_iter()
            .chain([(10, 12), (11, 11), (11, 26), (12, 25)])
        {
            assert!(
                is_federal_holiday(date(2026, month, day)),
                "2026-{month}-{day}"
            );
        }
        // Not holidays: the Monday after a Saturday July 4 (only a Sunday one moves to Monday), the
        // second Monday of January, the Monday before the last of May, the day after Thanksgiving.
        for day in [
            date(2026, 7, 6),
            date(2026, 1, 12),
            date(2026, 5, 18),
            date(2026, 11, 27),
            date(2020, 6, 19), // before Juneteenth was a federal holiday (2021)
        ] {
            assert!(!is_federal_holiday(day), "{day}");
        }
        // Sunday holidays move to Monday: Juneteenth 2022 was a Sunday (observed Mon Jun 20),
        // Christmas 2022 a Sunday (observed Mon Dec 26). New Year's Day 2022 was a Saturday:
        // observed Friday December 31, 2021, in the year before.
        assert!(is_federal_holiday(date(2022, 6, 20)));
        assert!(is_federal_holiday(date(2022, 12, 26)));
        assert!(is_federal_holiday(date(2021, 12, 31)));
        assert!(!is_federal_holiday(date(2021, 12, 30)));
    }

    #[test]
    fn booked_ten_business_days_ahead_is_due_within_three_across_a_weekend() {
        //      November 2026
        // Mo Tu We Th Fr Sa Su
        //  2  3  4  5  6  7  8
        //  9 10 11 12 13 14 15     (11: Veterans Day)
        // 16 17 18 19 20 21 22
        // 23 24 25 26 27 28 29     (26: Thanksgiving)
        // Booked Thu Nov 12. Business days after it: Fri 13 (1), Mon 16 (2), Tue 17 (3), Wed 18
        // (4), Thu 19 (5), Fri 20 (6), Mon 23 (7), Tue 24 (8), Wed 25 (9), Fri 27 (10: the 26th
        // is Thanksgiving). An injection on Fri Nov 27 is 10 business days ahead: due by the 3rd,
        // Tue Nov 17 (over the weekend of the 14th and 15th).
        let booked = |first| due(&sample(), Some(date(2026, 11, 12)), None, Some(first));
        assert_eq!(
            booked(date(2026, 11, 27)),
            after_booking(date(2026, 11, 12), 3, date(2026, 11, 17))
        );
        // An injection on Wed Nov 25 is only 9 business days ahead: due within 1, Fri Nov 13.
        assert_eq!(
            booked(date(2026, 11, 25)),
            after_booking(date(2026, 11, 12), 1, date(2026, 11, 13))
        );
    }

    #[test]
    fn booked_three_business_days_ahead_is_due_the_next_business_day_past_a_holiday() {
        //        July 2026
        // Mo Tu We Th Fr Sa Su
        //        1  2  3  4  5     (4: Independence Day, a Saturday: observed Friday the 3rd)
        //  6  7  8  9 10 11 12
        // Booked Thu Jul 2. Business days after it: Mon 6 (1; Fri 3 is the observed holiday, then
        // the weekend), Tue 7 (2), Wed 8 (3). An injection on Wed Jul 8 is 3 business days
        // ahead: due within 1, Mon Jul 6.
        let days = sample();
        assert_eq!(
            due(&days, Some(date(2026, 7, 2)), None, Some(date(2026, 7, 8))),
            after_booking(date(2026, 7, 2), 1, date(2026, 7, 6))
        );
        // On Tue Jul 7 it is 2 business days ahead: no Good Faith Estimate is required.
        assert_eq!(
            due(&days, Some(date(2026, 7, 2)), None, Some(date(2026, 7, 7))),
            Some(Due::NotRequired {
                booked: date(2026, 7, 2),
                first: date(2026, 7, 7)
            })
        );
    }

    #[test]
    fn a_request_is_due_in_three_business_days_less_the_clinic_s_closed_days() {
        //      December 2026
        // Mo Tu We Th Fr Sa Su
        // 21 22 23 24 25 26 27     (25: Christmas Day)
        // 28 29 30 31
        // Asked on Tue Dec 22, nothing booked. Business days after it: Wed 23 (1), Thu 24 (2),
        // Mon 28 (3; Fri 25 is Christmas, then the weekend): due Mon Dec 28.
        assert_eq!(
            due(&sample(), None, Some(date(2026, 12, 22)), None),
            Some(Due::AfterRequest {
                asked: date(2026, 12, 22),
                by: date(2026, 12, 28)
            })
        );
        // A clinic closed on Christmas Eve (Thu Dec 24): Wed 23 (1), Mon 28 (2), Tue 29 (3).
        let closed = BusinessDays {
            closed: vec![date(2026, 12, 24)],
        };
        assert_eq!(
            due(&closed, None, Some(date(2026, 12, 22)), None),
            Some(Due::AfterRequest {
                asked: date(2026, 12, 22),
                by: date(2026, 12, 29)
            })
        );
    }

    #[test]
    fn asked_then_booked_is_due_by_the_earlier_deadline() {
        // November 2026 as above. Asked on Wed Nov 11 (Veterans Day): Thu 12 (1), Fri 13 (2), Mon
        // 16 (3): due Mon Nov 16. Booked Thu Nov 12 for Fri Nov 27: due Tue Nov 17. The earlier,
        // the request's, holds.
        let days = sample();
        let asked = Due::AfterRequest {
            asked: date(2026, 11, 11),
            by: date(2026, 11, 16),
        };
        let (booked, first) = (Some(date(2026, 11, 12)), Some(date(2026, 11, 27)));
        assert_eq!(
            due(&days, booked, Some(date(2026, 11, 11)), first),
            Some(asked)
        );
        // Asked on Fri Nov 13: Mon 16 (1), Tue 17 (2), Wed 18 (3); the booking's Tue Nov 17 holds.
        assert_eq!(
            due(&days, booked, Some(date(2026, 11, 13)), first),
            after_booking(date(2026, 11, 12), 3, date(2026, 11, 17))
        );
    }

    #[test]
    fn a_booking_needs_the_injection_s_date_and_nothing_entered_says_nothing() {
        let days = sample();
        assert_eq!(
            due(&days, Some(date(2026, 12, 1)), None, None),
            Some(Due::NeedsServiceDate)
        );
        assert_eq!(due(&days, None, None, Some(date(2026, 12, 1))), None);
    }

    #[test]
    fn a_revision_is_due_the_business_day_before_the_injection() {
        //      January 2027
        // Mo Tu We Th Fr Sa Su
        // 11 12 13 14 15 16 17
        // 18 19 20 21 22 23 24     (18: Martin Luther King, Jr.'s Birthday, the third Monday)
        // Before an injection on Tue Jan 19: Mon 18 is the holiday, then the weekend: Fri Jan 15.
        assert_eq!(sample().before(date(2027, 1, 19)), Some(date(2027, 1, 15)));
    }
}
