-- A trace number is the ODFI's 8 digits + a 7-digit sequence, so it wraps after 9,999,999 entries:
-- unique "forever" would stop clearing for good at the wrap. It only needs to find the payment a
-- return names, and returns come within 60 days, long before the sequence comes round again; a
-- return is matched to the latest payment with its trace number.
DROP INDEX payments_trace_number;
CREATE INDEX payments_trace_number ON payments (trace_number) WHERE trace_number IS NOT NULL;
