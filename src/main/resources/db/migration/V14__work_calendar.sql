-- The work calendar as data (issue 23): public holidays (法定节假日, HOLIDAY) and make-up working days
-- (调休上班, WORKDAY); every other Monday to Friday is a working day. An administrator replaces a year with
-- PUT /api/admin/calendar/{year} when the State Council publishes its notice (usually in November for the
-- next year); from 1 December the log and the supervisors' dashboard warn while next year has no entries.
CREATE TABLE calendar_day (
    day_date   DATE         NOT NULL PRIMARY KEY,
    day_year   INT          NOT NULL,
    day_type   VARCHAR(8)   NOT NULL,
    name       VARCHAR(50)  NOT NULL
);
CREATE INDEX ix_calendar_day_year ON calendar_day (day_year);

-- 2026: the State Council notice on the 2026 holidays (published November 2025), in full.
INSERT INTO calendar_day (day_date, day_year, day_type, name) VALUES
    ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-04', 2026, 'WORKDAY', '元旦调休'),
    ('2026-02-14', 2026, 'WORKDAY', '春节调休'),
    ('2026-02-15', 2026, 'HOLIDAY', '春节'),
    ('2026-02-16', 2026, 'HOLIDAY', '春节'),
    ('2026-02-17', 2026, 'HOLIDAY', '春节'),
    ('2026-02-18', 2026, 'HOLIDAY', '春节'),
    ('2026-02-19', 2026, 'HOLIDAY', '春节'),
    ('2026-02-20', 2026, 'HOLIDAY', '春节'),
    ('2026-02-21', 2026, 'HOLIDAY', '春节'),
    ('2026-02-22', 2026, 'HOLIDAY', '春节'),
    ('2026-02-23', 2026, 'HOLIDAY', '春节'),
    ('2026-02-28', 2026, 'WORKDAY', '春节调休'),
    ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
    ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-09', 2026, 'WORKDAY', '劳动节调休'),
    ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
    ('2026-09-20', 2026, 'WORKDAY', '国庆节调休'),
    ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-10', 2026, 'WORKDAY', '国庆节调休');

-- 2027: PROVISIONAL. The State Council's notice for 2027 was not known when this was written, so only the
-- 13 statutory days of 《全国年节及纪念日放假办法》 (as revised in 2024) are entered, on their 2027 dates:
-- 元旦 1 Jan; 春节 除夕 to 初三 (5-8 Feb); 清明 5 Apr; 劳动节 1-2 May; 端午 9 Jun; 中秋 15 Sep; 国庆 1-3 Oct.
-- The bridging days and make-up working days (调休) come with the notice: enter it whole with
-- PUT /api/admin/calendar/2027 (docs/operations.md).
INSERT INTO calendar_day (day_date, day_year, day_type, name) VALUES
    ('2027-01-01', 2027, 'HOLIDAY', '元旦'),
    ('2027-02-05', 2027, 'HOLIDAY', '春节'),
    ('2027-02-06', 2027, 'HOLIDAY', '春节'),
    ('2027-02-07', 2027, 'HOLIDAY', '春节'),
    ('2027-02-08', 2027, 'HOLIDAY', '春节'),
    ('2027-04-05', 2027, 'HOLIDAY', '清明节'),
    ('2027-05-01', 2027, 'HOLIDAY', '劳动节'),
    ('2027-05-02', 2027, 'HOLIDAY', '劳动节'),
    ('2027-06-09', 2027, 'HOLIDAY', '端午节'),
    ('2027-09-15', 2027, 'HOLIDAY', '中秋节'),
    ('2027-10-01', 2027, 'HOLIDAY', '国庆节'),
    ('2027-10-02', 2027, 'HOLIDAY', '国庆节'),
    ('2027-10-03', 2027, 'HOLIDAY', '国庆节');
