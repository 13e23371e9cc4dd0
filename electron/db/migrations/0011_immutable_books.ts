export default /* sql */ `
-- The money and material records are evidence: never deleted, and changed only along the paths the
-- rules allow (a receipt voided or printed again, a payment marked reversed once, a pending document
-- decided once, a document linked to its voucher or receipt). Each WHEN is built from IS / IS NOT so it
-- is never NULL: a NULL condition would let the change through.

CREATE TRIGGER donations_no_update BEFORE UPDATE ON donations BEGIN SELECT RAISE(ABORT, 'donations are immutable'); END;
CREATE TRIGGER donations_no_delete BEFORE DELETE ON donations BEGIN SELECT RAISE(ABORT, 'donations are immutable'); END;
CREATE TRIGGER relief_decisions_no_update BEFORE UPDATE ON relief_decisions BEGIN SELECT RAISE(ABORT, 'relief decisions are immutable'); END;
CREATE TRIGGER relief_decisions_no_delete BEFORE DELETE ON relief_decisions BEGIN SELECT RAISE(ABORT, 'relief decisions are immutable'); END;
CREATE TRIGGER month_events_no_update BEFORE UPDATE ON month_events BEGIN SELECT RAISE(ABORT, 'month events are immutable'); END;
CREATE TRIGGER month_events_no_delete BEFORE DELETE ON month_events BEGIN SELECT RAISE(ABORT, 'month events are immutable'); END;
CREATE TRIGGER material_pending_lines_no_update BEFORE UPDATE ON material_pending_lines BEGIN SELECT RAISE(ABORT, 'material pending lines are immutable'); END;
CREATE TRIGGER material_pending_lines_no_delete BEFORE DELETE ON material_pending_lines BEGIN SELECT RAISE(ABORT, 'material pending lines are immutable'); END;
CREATE TRIGGER relief_payments_no_delete BEFORE DELETE ON relief_payments BEGIN SELECT RAISE(ABORT, 'relief payments are immutable'); END;
CREATE TRIGGER material_documents_no_delete BEFORE DELETE ON material_documents BEGIN SELECT RAISE(ABORT, 'material documents are immutable'); END;
-- receipts_no_delete exists since 0006.

-- A payment may only be marked reversed, once.
CREATE TRIGGER relief_payments_update BEFORE UPDATE ON relief_payments
WHEN NOT (
  OLD.reversal_entry_id IS NULL AND NEW.reversal_entry_id IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.application_id IS OLD.application_id AND NEW.fund_id IS OLD.fund_id
  AND NEW.method IS OLD.method AND NEW.account_id IS OLD.account_id AND NEW.amount_fen IS OLD.amount_fen
  AND NEW.entry_id IS OLD.entry_id AND NEW.paid_by IS OLD.paid_by AND NEW.paid_at IS OLD.paid_at
)
BEGIN SELECT RAISE(ABORT, 'relief payments are immutable: only the reversal may be recorded, once'); END;

-- A receipt may go issued -> void with reason, who and when, or be printed again (count goes up).
CREATE TRIGGER receipts_update BEFORE UPDATE ON receipts
WHEN NOT (
  NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.year IS OLD.year AND NEW.seq IS OLD.seq AND NEW.number IS OLD.number
  AND NEW.source_type IS OLD.source_type AND NEW.source_id IS OLD.source_id
  AND NEW.issued_by IS OLD.issued_by AND NEW.issued_at IS OLD.issued_at
  AND (
    (OLD.status IS 'issued' AND NEW.status IS 'void' AND NEW.void_reason IS NOT NULL AND length(trim(NEW.void_reason)) > 0
      AND NEW.voided_by IS NOT NULL AND NEW.voided_at IS NOT NULL AND NEW.print_count IS OLD.print_count)
    OR (NEW.status IS OLD.status AND NEW.void_reason IS OLD.void_reason AND NEW.voided_by IS OLD.voided_by
      AND NEW.voided_at IS OLD.voided_at AND NEW.print_count > OLD.print_count)
  )
)
BEGIN SELECT RAISE(ABORT, 'receipts are immutable: only issued to void, or a higher print count'); END;

-- A material document may be decided once (pending -> done/rejected), get its voucher once, and get
-- its own receipt, or move to the reissue of a voided one.
CREATE TRIGGER material_documents_update BEFORE UPDATE ON material_documents
WHEN NOT (
  NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.number IS OLD.number AND NEW.date IS OLD.date
  AND NEW.donor_id IS OLD.donor_id AND NEW.location_id IS OLD.location_id AND NEW.to_location_id IS OLD.to_location_id
  AND NEW.application_id IS OLD.application_id AND NEW.note IS OLD.note
  AND NEW.created_by IS OLD.created_by AND NEW.created_at IS OLD.created_at
  AND (
    (NEW.status IS OLD.status AND NEW.decided_by IS OLD.decided_by AND NEW.decided_at IS OLD.decided_at AND NEW.decision_comment IS OLD.decision_comment)
    OR (OLD.status IS 'pending' AND NEW.status IN ('done', 'rejected') AND NEW.decided_by IS NOT NULL AND NEW.decided_at IS NOT NULL)
  )
  AND (NEW.entry_id IS OLD.entry_id OR (OLD.entry_id IS NULL AND NEW.entry_id IS NOT NULL))
  AND (
    NEW.receipt_id IS OLD.receipt_id
    OR (
      EXISTS (SELECT 1 FROM receipts r WHERE r.id = NEW.receipt_id AND r.source_type = 'material_document' AND r.source_id = OLD.id AND r.status = 'issued')
      AND (OLD.receipt_id IS NULL OR EXISTS (SELECT 1 FROM receipts r WHERE r.id = OLD.receipt_id AND r.status = 'void'))
    )
  )
)
BEGIN SELECT RAISE(ABORT, 'material documents are immutable: only a decision, a voucher or a receipt link may be recorded'); END;

-- A document's pending lines and an application's issues are read by index, not by scanning.
CREATE INDEX material_pending_lines_document ON material_pending_lines (document_id);
CREATE INDEX material_documents_application ON material_documents (application_id);
`;
