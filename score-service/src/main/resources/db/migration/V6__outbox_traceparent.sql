-- The W3C traceparent of the request or event that wrote the event (NULL outside a trace): the relay sends it as a
-- Kafka header, so the consumers' spans continue the same trace.
ALTER TABLE outbox_message ADD COLUMN traceparent text;
