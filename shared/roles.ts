export const ROLES = ['staff', 'director', 'chair', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: '接待员',
  director: '中心主任',
  chair: '工会主席',
  finance: '财务',
  admin: '管理员',
};
