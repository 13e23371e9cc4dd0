// The 来访登记 list in any order, filtered or not, from an index (issue 14).
// 期限: the next deadline as a column the list can order by, instead of working out a CASE for every open
// petition and sorting them all (200k petitions, 40% open: 110-190 ms a page). Virtual: computed when read,
// stored only in the index, which holds the open petitions alone (closed ones have no deadline).
// Each order's index carries the id (ties) and the columns the list filters on (状态, 类别, 登记日期), so a
// filtered or deep page is picked out of the index without reading a petition: they replace the narrower
// (status, id) and (received_date) indexes; 编号 is unique, so its index needs no id.
export default /* sql */ `
ALTER TABLE petitions ADD COLUMN next_due TEXT GENERATED ALWAYS AS (
  CASE status WHEN 'registered' THEN accept_due WHEN 'answered' THEN close_due WHEN 'closed' THEN NULL ELSE answer_due END
) VIRTUAL;
CREATE INDEX petitions_next_due ON petitions (next_due, id, status, category, received_date) WHERE status <> 'closed';
DROP INDEX petitions_status_id;
CREATE INDEX petitions_status_order ON petitions (status, id, category, received_date);
DROP INDEX petitions_received;
CREATE INDEX petitions_received_order ON petitions (received_date, id, status, category);
CREATE INDEX petitions_number_order ON petitions (number, status, category, received_date);
`;
