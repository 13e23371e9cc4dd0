export default /* sql */ `
-- Dynamic management (001): the clerk's red or yellow warning with its note; orange is computed.
ALTER TABLE worker_files ADD COLUMN risk_flag TEXT NOT NULL DEFAULT 'none' CHECK (risk_flag IN ('none', 'red', 'yellow'));
ALTER TABLE worker_files ADD COLUMN risk_note TEXT NOT NULL DEFAULT '';
`;
