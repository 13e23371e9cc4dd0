// Electron main process: app lifecycle, the one window, the IPC door into the core, and hardening.
// The business logic lives in the core (electron/core) behind dispatch; nothing here decides business.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type MenuItemConstructorOptions } from 'electron';
import { parseDataDirArg } from './cli-args';
import { idle } from './core/backup/backup';
import { healthText } from './core/backup/health';
import { backupOnExit, scheduleDailyBackups } from './core/backup/schedule';
import type { AppContext } from './core/context';
import { openCore } from './core/open';
import { MigrationRefusedError } from './db/migrate';
import { dispatch } from './dispatch';
import {
  WINDOW_TITLE,
  IpcApiBridge,
  appUrlPredicate,
  denyAllPermissions,
  hardenWebContents,
  mainWindowOptions,
  withContentSecurityPolicy,
} from './window';

/** Same folder name the browser door uses (electron/browser-door.ts), so both doors share one database. */
const DATA_DIR_NAME = 'union-hardship-centre';
const APP_ID = 'cn.union.hardship-centre';

const RENDERER_INDEX = path.join(__dirname, '../renderer/index.html');
const PRELOAD = path.join(__dirname, '../preload/index.js');
const isAppUrl = appUrlPredicate(pathToFileURL(RENDERER_INDEX).href);

let core: AppContext | null = null;
let bridge: IpcApiBridge | null = null;
let mainWindow: BrowserWindow | null = null;
let stopDailyBackups: (() => void) | null = null;
let exitBackupTaken = false;

// Every renderer is sandboxed, whatever its own options say. Must run before 'ready'.
app.enableSandbox();
// userData (Chromium's profile, and the single-instance lock) in an ASCII-named folder shared with the
// browser door's default data directory; otherwise Electron would use the Chinese productName.
app.setPath('userData', path.join(app.getPath('appData'), DATA_DIR_NAME));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

function dataDirFromArgs(argv: readonly string[]): string {
  return path.resolve(parseDataDirArg(argv) ?? app.getPath('userData'));
}

// Every web contents (the window, and anything that might ever be created) gets the navigation guards,
// and a destroyed one takes its session token with it.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, isAppUrl);
  const id = contents.id;
  contents.once('destroyed', () => bridge?.forget(id));
});

function buildMenu(): Menu {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) {
    view.push({ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin'
      ? [{ label: WINDOW_TITLE, submenu: [{ role: 'hide', label: '隐藏' }, { type: 'separator' }, { role: 'quit', label: '退出' }] } satisfies MenuItemConstructorOptions]
      : [{ label: '文件', submenu: [{ role: 'quit', label: '退出' }] } satisfies MenuItemConstructorOptions]),
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }, { role: 'close', label: '关闭' }] },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(): BrowserWindow {
  const options = mainWindowOptions(PRELOAD);
  const win = new BrowserWindow({
    ...options,
    // The security preferences below are the same values mainWindowOptions returns (unit-tested and
    // pinned by its literal types). They are restated at the construction site because the static
    // scanner (scripts/scan-electron.mjs) only reads object literals passed to `new BrowserWindow`,
    // and because the last spread wins: nothing in `options` can switch them off here.
    webPreferences: {
      ...options.webPreferences,
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadFile(RENDERER_INDEX);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = dataDirFromArgs(process.argv);
  let opened: Awaited<ReturnType<typeof openCore>>;
  try {
    opened = await openCore(dataDir);
  } catch (e) {
    if (e instanceof MigrationRefusedError) {
      dialog.showErrorBox('无法打开数据库', `${e.message}\n\n数据目录：${dataDir}`);
    } else {
      console.error('[main] openCore failed', e);
      dialog.showErrorBox(
        '程序无法启动',
        `无法打开数据目录中的数据库，程序将退出。\n\n数据目录：${dataDir}\n原因：${e instanceof Error ? e.message : String(e)}\n\n请联系管理员。`,
      );
    }
    app.exit(1);
    return;
  }
  core = opened;
  if (opened.migration.applied.length > 0) {
    console.log(`[main] migrations applied: ${opened.migration.applied.join(', ')}`);
  }
  // Unhealthy, the window still opens: the renderer asks health.status and shows the report and restore.
  if (opened.health.status === 'ok') console.log(`[main] ${healthText(opened.health)}`);
  else console.error(`[main] ${healthText(opened.health)}`);
  if (opened.dailyBackup) console.log(`[main] daily backup: ${opened.dailyBackup.written.verified ? opened.dailyBackup.written.path : opened.dailyBackup.written.message}`);
  stopDailyBackups = scheduleDailyBackups(opened);
  bridge = new IpcApiBridge(
    (channel, payload, caller) => dispatch(opened, channel, payload, caller),
    isAppUrl,
    (token) => opened.sessions.end(token),
  );
  const ipc = bridge;
  ipcMain.handle('api', (event, channel: unknown, payload: unknown) =>
    ipc.handle(event.sender, event.senderFrame, channel, payload),
  );

  denyAllPermissions(session.defaultSession);
  // The same policy as the <meta> tag in renderer/index.html, as a header for the app's own (file:)
  // responses. Other responses (e.g. Chromium's built-in PDF viewer) keep their own policy.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('file:')) callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
    else callback({});
  });

  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another window is already open on this machine; it is brought forward by its 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !mainWindow) mainWindow = createWindow();
  });
  // The exit backup runs once, before the database closes; bounded so a slow disk cannot hold the quit.
  app.on('before-quit', (event) => {
    if (exitBackupTaken || !core) return;
    exitBackupTaken = true;
    event.preventDefault();
    stopDailyBackups?.();
    const c = core;
    void backupOnExit(c, 30_000)
      .then((line) => console.log(line))
      .then(() => idle(c))
      .finally(() => app.quit());
  });
  app.on('will-quit', () => {
    ipcMain.removeHandler('api');
    core?.db.close();
    core = null;
  });
  start().catch((e: unknown) => {
    console.error('[main] start failed', e);
    dialog.showErrorBox('程序无法启动', `启动时发生错误，程序将退出。\n\n${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
  });
}
