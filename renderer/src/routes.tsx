import type { ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import { lazyPage } from './lazyPage';

// Each page is its own chunk, fetched on first visit.
const AuditPage = lazyPage(() => import('./pages/admin/AuditPage'), 'AuditPage');
const BackupPage = lazyPage(() => import('./pages/admin/BackupPage'), 'BackupPage');
const SettingsPage = lazyPage(() => import('./pages/admin/SettingsPage'), 'SettingsPage');
const UsersPage = lazyPage(() => import('./pages/admin/UsersPage'), 'UsersPage');
const DashboardPage = lazyPage(() => import('./pages/dashboard/DashboardPage'), 'DashboardPage');
const ChangePasswordPage = lazyPage(() => import('./pages/auth/ChangePasswordPage'), 'ChangePasswordPage');
const FileFormPage = lazyPage(() => import('./pages/files/FileFormPage'), 'FileFormPage');
const FileListPage = lazyPage(() => import('./pages/files/FileListPage'), 'FileListPage');
const FilePage = lazyPage(() => import('./pages/files/FilePage'), 'FilePage');
const PetitionFormPage = lazyPage(() => import('./pages/petitions/PetitionFormPage'), 'PetitionFormPage');
const PetitionListPage = lazyPage(() => import('./pages/petitions/PetitionListPage'), 'PetitionListPage');
const PetitionPage = lazyPage(() => import('./pages/petitions/PetitionPage'), 'PetitionPage');
const PetitionStatsPage = lazyPage(() => import('./pages/petitions/PetitionStatsPage'), 'PetitionStatsPage');
const JobsPage = lazyPage(() => import('./pages/referrals/JobsPage'), 'JobsPage');
const LegalPage = lazyPage(() => import('./pages/referrals/LegalPage'), 'LegalPage');
const NoticeListPage = lazyPage(() => import('./pages/relief/NoticeListPage'), 'NoticeListPage');
const NoticePage = lazyPage(() => import('./pages/relief/NoticePage'), 'NoticePage');
const ReliefFormPage = lazyPage(() => import('./pages/relief/ReliefFormPage'), 'ReliefFormPage');
const ReliefListPage = lazyPage(() => import('./pages/relief/ReliefListPage'), 'ReliefListPage');
const ReliefPage = lazyPage(() => import('./pages/relief/ReliefPage'), 'ReliefPage');
const BooksPage = lazyPage(() => import('./pages/finance/BooksPage'), 'BooksPage');
const ClosePage = lazyPage(() => import('./pages/finance/ClosePage'), 'ClosePage');
const DonationsPage = lazyPage(() => import('./pages/finance/DonationsPage'), 'DonationsPage');
const OtherEntriesPage = lazyPage(() => import('./pages/finance/OtherEntriesPage'), 'OtherEntriesPage');
const PayPage = lazyPage(() => import('./pages/finance/PayPage'), 'PayPage');
const StatementPage = lazyPage(() => import('./pages/finance/StatementPage'), 'StatementPage');
const ReportsPage = lazyPage(() => import('./pages/reports/ReportsPage'), 'ReportsPage');
const VouchersPage = lazyPage(() => import('./pages/finance/VouchersPage'), 'VouchersPage');
const IssuePage = lazyPage(() => import('./pages/materials/IssuePage'), 'IssuePage');
const MaterialsLedgerPage = lazyPage(() => import('./pages/materials/LedgerPage'), 'LedgerPage');
const MovesPage = lazyPage(() => import('./pages/materials/MovesPage'), 'MovesPage');
const ReceivePage = lazyPage(() => import('./pages/materials/ReceivePage'), 'ReceivePage');
const StockPage = lazyPage(() => import('./pages/materials/StockPage'), 'StockPage');
const CampaignListPage = lazyPage(() => import('./pages/campaigns/CampaignListPage'), 'CampaignListPage');
const CampaignPage = lazyPage(() => import('./pages/campaigns/CampaignPage'), 'CampaignPage');
const MonitoringPage = lazyPage(() => import('./pages/monitoring/MonitoringPage'), 'MonitoringPage');

export interface RouteDef {
  path: string;
  title: string;
  roles: readonly Role[] | 'any';
  /** Menu group; routes without one (detail pages) are not in the menu. */
  group?: 'main' | 'admin';
  render(params: Record<string, string>): ReactNode;
}

// Pages register here; the shell builds the menu and the access guard from this list.
export const ROUTES: RouteDef[] = [
  { path: '/', title: '工作台', roles: 'any', group: 'main', render: () => <DashboardPage /> },
  { path: '/files', title: '困难职工档案', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <FileListPage /> },
  { path: '/files/new', title: '新建困难职工档案', roles: ['staff', 'director'], render: () => <FileFormPage key="new" /> },
  { path: '/files/:id/edit', title: '修改困难职工档案', roles: ['staff', 'director'], render: (p) => <FileFormPage key={`edit-${p.id}`} id={Number(p.id)} /> },
  { path: '/files/:id', title: '困难职工档案', roles: ['staff', 'director', 'chair', 'finance'], render: (p) => <FilePage key={p.id} id={Number(p.id)} /> },
  { path: '/admin/users', title: '用户管理', roles: ['admin'], group: 'admin', render: () => <UsersPage /> },
  { path: '/admin/settings', title: '系统设置', roles: ['admin'], group: 'admin', render: () => <SettingsPage /> },
  { path: '/admin/audit', title: '审计日志', roles: ['admin'], group: 'admin', render: () => <AuditPage /> },
  { path: '/admin/backup', title: '数据备份', roles: ['admin'], group: 'admin', render: () => <BackupPage /> },
  { path: '/me/password', title: '修改密码', roles: 'any', render: () => <ChangePasswordPage /> },
  { path: '/petitions', title: '来访接待', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <PetitionListPage /> },
  { path: '/petitions/new', title: '登记来访', roles: ['staff', 'director'], render: () => <PetitionFormPage key="new" /> },
  { path: '/petitions/stats', title: '来访统计', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <PetitionStatsPage /> },
  { path: '/petitions/:id', title: '来访记录', roles: ['staff', 'director', 'chair', 'finance'], render: (p) => <PetitionPage key={p.id} id={Number(p.id)} /> },
  { path: '/referrals/jobs', title: '职业介绍', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <JobsPage /> },
  { path: '/referrals/legal', title: '法律援助', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <LegalPage /> },
  { path: '/relief', title: '救助审批', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <ReliefListPage /> },
  { path: '/relief/new', title: '新建救助申请', roles: ['staff', 'director'], render: () => <ReliefFormPage key="new" /> },
  { path: '/campaigns', title: '慰问活动', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <CampaignListPage /> },
  { path: '/campaigns/:id', title: '慰问活动', roles: ['staff', 'director', 'chair', 'finance'], render: (p) => <CampaignPage key={p.id} id={Number(p.id)} /> },
  { path: '/monitoring', title: '动态监测', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <MonitoringPage /> },
  { path: '/relief/notices', title: '救助公示', roles: ['staff', 'director', 'chair', 'finance'], group: 'main', render: () => <NoticeListPage /> },
  { path: '/relief/notices/:id', title: '救助公示', roles: ['staff', 'director', 'chair', 'finance'], render: (p) => <NoticePage key={p.id} id={Number(p.id)} /> },
  { path: '/relief/:id/edit', title: '修改救助申请', roles: ['staff', 'director'], render: (p) => <ReliefFormPage key={`edit-${p.id}`} id={Number(p.id)} /> },
  { path: '/relief/:id', title: '救助申请', roles: ['staff', 'director', 'chair', 'finance'], render: (p) => <ReliefPage key={p.id} id={Number(p.id)} /> },
  { path: '/finance/donations', title: '捐款登记', roles: ['finance', 'director', 'chair'], group: 'main', render: () => <DonationsPage /> },
  { path: '/finance/pay', title: '救助发放', roles: ['finance', 'director', 'chair'], group: 'main', render: () => <PayPage /> },
  { path: '/finance/entries', title: '其他收支与凭证', roles: ['finance'], group: 'main', render: () => <OtherEntriesPage /> },
  { path: '/finance/vouchers', title: '凭证审核', roles: ['finance', 'director', 'chair'], group: 'main', render: () => <VouchersPage /> },
  { path: '/finance/books', title: '账簿', roles: ['finance', 'director', 'chair'], group: 'main', render: () => <BooksPage /> },
  { path: '/finance/close', title: '月末结账', roles: ['finance', 'director', 'chair'], group: 'main', render: () => <ClosePage /> },
  { path: '/finance/statement', title: '月度收支明细表', roles: ['finance', 'director', 'chair'], group: 'main', render: () => <StatementPage /> },
  { path: '/reports', title: '报表', roles: ['finance', 'director', 'chair', 'staff'], group: 'main', render: () => <ReportsPage /> },
  { path: '/materials', title: '物资库存', roles: ['finance', 'staff', 'director', 'chair'], group: 'main', render: () => <StockPage /> },
  { path: '/materials/receive', title: '物资入库', roles: ['finance'], group: 'main', render: () => <ReceivePage /> },
  { path: '/materials/issue', title: '物资发放', roles: ['finance', 'staff', 'director'], group: 'main', render: () => <IssuePage /> },
  { path: '/materials/moves', title: '调拨、报损与盘点', roles: ['finance', 'staff', 'director', 'chair'], group: 'main', render: () => <MovesPage /> },
  { path: '/materials/ledger', title: '物资收发存月报', roles: ['finance', 'staff', 'director', 'chair'], group: 'main', render: () => <MaterialsLedgerPage /> },
];
