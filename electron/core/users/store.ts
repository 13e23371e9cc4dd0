import type { SessionUser } from '../../../shared/contract/auth';
import type { UserRow } from '../../../shared/contract/users';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/open';
import { hashPassword } from '../auth/password';

export interface UserRecord {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  password_salt: string;
  active: 0 | 1;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export function findUserByName(db: Db, username: string): UserRecord | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRecord | undefined;
}

export function findUser(db: Db, id: number): UserRecord | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRecord | undefined;
}

export function rolesOf(db: Db, userId: number): Role[] {
  return (db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(userId) as { role: Role }[]).map(
    (r) => r.role,
  );
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function insertUser(
  db: Db,
  u: { username: string; displayName: string; password: string; roles: Role[] },
  createdAt: string,
): number {
  const { hash, salt } = hashPassword(u.password);
  const id = Number(
    db
      .prepare(
        'INSERT INTO users (username, display_name, password_hash, password_salt, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(u.username, u.displayName, hash, salt, createdAt).lastInsertRowid,
  );
  setRoles(db, id, u.roles);
  return id;
}

export function setRoles(db: Db, userId: number, roles: Role[]): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const ins = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const r of new Set(roles)) ins.run(userId, r);
}

export function toSessionUser(db: Db, u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, displayName: u.display_name, roles: rolesOf(db, u.id) };
}

export function toUserRow(db: Db, u: UserRecord, nowIso: string): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: rolesOf(db, u.id),
    active: u.active === 1,
    lockedUntil: u.locked_until && u.locked_until > nowIso ? u.locked_until : null,
    createdAt: u.created_at,
  };
}
