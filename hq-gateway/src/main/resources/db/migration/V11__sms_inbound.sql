-- Every inbound SMS the poller read from Twilio, by its message SID: claimed here before it is
-- acted on, so a message listed again (the next poll, another page, a restart) is never handled
-- twice. Only the sender's fingerprint is kept, never the number or the text.
CREATE TABLE sms_inbound (
    sid          text        PRIMARY KEY,
    sender       text        NOT NULL,
    sent_at      timestamptz,
    claimed_at   timestamptz NOT NULL,
    outcome      text        NOT NULL
);
CREATE INDEX sms_inbound_claimed_at ON sms_inbound (claimed_at);
