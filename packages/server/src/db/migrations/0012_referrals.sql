-- Referrals between agencies (a family, optionally one member, referred for services with the basis for sharing its
-- data), their history, per-program rules that send them when an enrolment is served, and in-app notifications that
-- any feature may use.

CREATE TABLE referral_rule (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id    uuid NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  to_agency_id  uuid NOT NULL REFERENCES agency (id),
  services      text[] NOT NULL CHECK (cardinality(services) > 0),
  answer_days   integer NOT NULL CHECK (answer_days BETWEEN 1 AND 90),
  -- Days after sending by which the service should be given; null = no closing due date.
  due_days      integer CHECK (due_days BETWEEN 1 AND 365),
  note          text,
  active        boolean NOT NULL DEFAULT true,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, to_agency_id)
);

CREATE TABLE referral (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id        uuid NOT NULL REFERENCES family (id),
  member_id        uuid REFERENCES member (id),
  -- Where the family lived when referred: region filters and field staff scope follow this place.
  kecamatan_code   text NOT NULL,
  village_code     text NOT NULL,
  from_agency_id   uuid NOT NULL REFERENCES agency (id),
  to_agency_id     uuid NOT NULL REFERENCES agency (id),
  services         text[] NOT NULL CHECK (cardinality(services) > 0),
  note             text,
  answer_days      integer NOT NULL CHECK (answer_days BETWEEN 1 AND 90),
  -- The last day to accept or decline (the day sent in the jurisdiction plus answer_days).
  answer_by        date NOT NULL,
  -- The day by which the service should be given, if agreed.
  due_on           date,
  -- Why the family's data may be shared with the receiving agency (UU PDP 27/2022).
  sharing_basis    text NOT NULL CHECK (sharing_basis IN ('consent', 'legal_basis')),
  consent_on       date,
  consent_by       text,
  legal_basis      text,
  enrolment_id     uuid REFERENCES program_enrolment (id),
  rule_id          uuid REFERENCES referral_rule (id) ON DELETE SET NULL,
  -- Sent by a program's rule (stays true when the rule is removed later).
  automatic        boolean NOT NULL DEFAULT false,
  status           text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'served', 'not_served', 'withdrawn')),
  reason           text,
  outcome          text,
  -- Overdue kinds ('answer', 'close') already notified, so that each is flagged once.
  overdue_notified text[] NOT NULL DEFAULT '{}',
  created_by       uuid REFERENCES app_user (id),
  sent_at          timestamptz NOT NULL DEFAULT now(),
  answered_at      timestamptz,
  closed_at        timestamptz,
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (from_agency_id <> to_agency_id),
  CHECK ((sharing_basis = 'consent' AND consent_on IS NOT NULL AND consent_by IS NOT NULL)
      OR (sharing_basis = 'legal_basis' AND legal_basis IS NOT NULL))
);
CREATE INDEX referral_to_idx ON referral (to_agency_id, sent_at DESC);
CREATE INDEX referral_from_idx ON referral (from_agency_id, sent_at DESC);
CREATE INDEX referral_family_idx ON referral (family_id);
CREATE INDEX referral_unanswered_idx ON referral (answer_by) WHERE status = 'sent';
CREATE INDEX referral_unclosed_idx ON referral (due_on) WHERE status = 'accepted' AND due_on IS NOT NULL;
-- A program's rule refers one enrolment once, however often the enrolment is marked served.
CREATE UNIQUE INDEX referral_rule_enrolment_idx ON referral (rule_id, enrolment_id) WHERE rule_id IS NOT NULL AND enrolment_id IS NOT NULL;

CREATE TABLE referral_event (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id  uuid NOT NULL REFERENCES referral (id),
  action       text NOT NULL CHECK (action IN ('send', 'accept', 'decline', 'serve', 'not_serve', 'withdraw', 'overdue')),
  from_status  text,
  to_status    text NOT NULL,
  -- Reason, outcome or note given with the step; for 'overdue' the kind ('answer' or 'close').
  text         text,
  user_id      uuid REFERENCES app_user (id),
  agency_id    uuid REFERENCES agency (id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id);

CREATE TABLE notification (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Addressed to every user of one agency, or to one user.
  agency_id   uuid REFERENCES agency (id),
  user_id     uuid REFERENCES app_user (id),
  kind        text NOT NULL,
  params      jsonb NOT NULL DEFAULT '{}',
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((agency_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX notification_agency_idx ON notification (agency_id, created_at DESC) WHERE agency_id IS NOT NULL;
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC) WHERE user_id IS NOT NULL;

-- Each reader marks a notification read for himself (an agency's notification stays unread for his colleagues).
CREATE TABLE notification_read (
  notification_id  uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  user_id          uuid NOT NULL REFERENCES app_user (id),
  read_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
