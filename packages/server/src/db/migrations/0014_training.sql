-- Training by Disnaker through partner institutes (LPK): courses, cohorts with their sessions, participants from the
-- registry, attendance per session, completion with certificates, and follow-ups 3, 6 and 12 months after a cohort.

CREATE TABLE training_course (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id              uuid NOT NULL REFERENCES agency (id),
  name                   text NOT NULL,
  skill                  text NOT NULL CHECK (skill IN ('sewing', 'embroidery', 'food_processing', 'packaging', 'handicraft', 'beauty',
                                                        'automotive', 'digital', 'other')),
  description            text,
  lpk_partner_id         uuid REFERENCES partner (id),
  hours                  integer CHECK (hours > 0),
  -- Completion rule: attended at least this share of the sessions, and passed the assessment.
  min_attendance_percent integer NOT NULL DEFAULT 80 CHECK (min_attendance_percent BETWEEN 1 AND 100),
  created_by             uuid REFERENCES app_user (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_course_agency_idx ON training_course (agency_id);

CREATE TABLE training_cohort (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_id        uuid NOT NULL REFERENCES training_course (id),
  name             text NOT NULL,
  place_kind       text NOT NULL CHECK (place_kind IN ('lpk', 'prison', 'village_hall', 'other')),
  place_name       text NOT NULL,
  place_partner_id uuid REFERENCES partner (id),
  region_code      text REFERENCES region (code),
  start_date       date NOT NULL,
  end_date         date NOT NULL,
  trainers         text[] NOT NULL DEFAULT '{}',
  seats            integer NOT NULL CHECK (seats > 0),
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
  completed_at     timestamptz,
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date <= end_date)
);
CREATE INDEX training_cohort_course_idx ON training_cohort (course_id);

CREATE TABLE training_session (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cohort_id    uuid NOT NULL REFERENCES training_cohort (id) ON DELETE CASCADE,
  session_date date NOT NULL,
  topic        text
);
CREATE INDEX training_session_cohort_idx ON training_session (cohort_id, session_date);

CREATE TABLE training_participant (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cohort_id             uuid NOT NULL REFERENCES training_cohort (id),
  member_id             uuid NOT NULL REFERENCES member (id),
  -- The family when enrolled: the timeline and the region scope follow it.
  family_id             uuid NOT NULL REFERENCES family (id),
  target_group          text NOT NULL CHECK (target_group IN ('inmate', 'disability', 'business_family', 'other')),
  -- The referral that brought the person, when another agency referred him.
  referral_id           uuid REFERENCES referral (id) ON DELETE SET NULL,
  referred_by_agency_id uuid REFERENCES agency (id),
  withdrawn             boolean NOT NULL DEFAULT false,
  passed                boolean,
  -- Fixed when the cohort is completed.
  outcome               text CHECK (outcome IN ('completed', 'not_completed')),
  attended_sessions     integer,
  session_count         integer,
  certificate_number    text UNIQUE,
  created_by            uuid REFERENCES app_user (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cohort_id, member_id)
);
CREATE INDEX training_participant_family_idx ON training_participant (family_id);
CREATE INDEX training_participant_member_idx ON training_participant (member_id);

CREATE TABLE training_attendance (
  session_id     uuid NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES training_participant (id) ON DELETE CASCADE,
  present        boolean NOT NULL,
  recorded_by    uuid REFERENCES app_user (id),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX training_attendance_participant_idx ON training_attendance (participant_id);

CREATE TABLE training_follow_up (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id      uuid NOT NULL REFERENCES training_participant (id) ON DELETE CASCADE,
  milestone           smallint NOT NULL CHECK (milestone IN (3, 6, 12)),
  due_on              date NOT NULL,
  contacted_on        date,
  status              text CHECK (status IN ('working', 'own_business', 'not_working')),
  -- A partner employer that took the graduate, else the employer's name as told.
  employer_partner_id uuid REFERENCES partner (id),
  employer_name       text,
  monthly_turnover    bigint CHECK (monthly_turnover >= 0),
  note                text,
  recorded_by         uuid REFERENCES app_user (id),
  recorded_at         timestamptz,
  -- When the owner agency was reminded that it fell due (once).
  due_notified_at     timestamptz,
  UNIQUE (participant_id, milestone),
  CHECK ((contacted_on IS NULL) = (status IS NULL))
);
-- The reminders: open follow-ups by due date.
CREATE INDEX training_follow_up_open_idx ON training_follow_up (due_on) WHERE contacted_on IS NULL;
