// What a file-system error means, in the user's words: the code alone ("(EPERM)") tells a teacher nothing.
const MEANINGS: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EROFS: '磁盘是只读的(写保护的 U 盘、光盘或只读挂载)',
  EACCES: '没有权限(文件夹只读，或被系统或安全软件保护)',
  EPERM: '不允许这样做(文件或文件夹被设为只读、不可更改，或正被其他程序使用)',
  ENOENT: '路径不存在(文件夹已被移走、删除，或磁盘已拔出)',
  ENOTDIR: '路径中的一部分是文件，不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EEXIST: '已经存在同名的文件',
  ENOTEMPTY: '文件夹不是空的',
  ENAMETOOLONG: '文件名或路径太长',
  EBUSY: '正被其他程序使用',
  EMFILE: '同时打开的文件太多',
  EIO: '磁盘读写出错(磁盘或 U 盘可能有故障)',
  EXDEV: '不能跨磁盘移动',
  ELOOP: '路径中的快捷方式(链接)循环',
};

/** "文件操作失败：D:\\导出\\x.mp4：磁盘已满(ENOSPC)" */
export function describeIoError(err: NodeJS.ErrnoException & { dest?: string }): string {
  const meaning = MEANINGS[err.code ?? ''];
  const where = err.dest ? `${err.path} → ${err.dest}` : err.path;
  return `文件操作失败：${where ? `${where}：` : ''}${meaning ?? '系统报错'}(${err.code})`;
}

/** SQLite's result codes (better-sqlite3's SqliteError.code), in the user's words. */
const SQLITE_MEANINGS: [RegExp, string][] = [
  [/^SQLITE_FULL/, '磁盘已满'],
  [/^SQLITE_READONLY/, '文件或所在文件夹是只读的(写保护的 U 盘、只读共享，或没有写入权限)'],
  [/^SQLITE_BUSY|^SQLITE_LOCKED/, '正被其他程序占用(另一个报送助手窗口或命令正在写入它)'],
  [/^SQLITE_NOTADB/, '不是 SQLite 数据库(不是报送助手的目录文件，或文件开头已损坏)'],
  [/^SQLITE_CORRUPT/, '文件已损坏或不完整(复制或下载时被截断？)'],
  [/^SQLITE_IOERR/, '磁盘读写出错(磁盘或 U 盘可能已拔出或有故障)'],
  [/^SQLITE_CANTOPEN/, '无法打开(路径不存在、是一个文件夹，或没有权限)'],
  [/^SQLITE_PERM|^SQLITE_AUTH/, '没有权限'],
  [/^SQLITE_TOOBIG/, '内容太大'],
  [/^SQLITE_CONSTRAINT/, '与目录中已有的数据冲突'],
  [/^SQLITE_NOMEM/, '内存不足'],
];

export function isSqliteError(e: unknown): e is Error & { code: string } {
  return (
    e instanceof Error &&
    typeof (e as { code?: unknown }).code === 'string' &&
    (e as unknown as { code: string }).code.startsWith('SQLITE_')
  );
}

/** "目录文件 D:\\c.sqlite：磁盘已满(SQLITE_FULL)" — never SQLite's English. */
export function describeSqliteError(e: Error & { code: string }, file?: string | null): string {
  const meaning = SQLITE_MEANINGS.find(([re]) => re.test(e.code))?.[1] ?? '数据库出错';
  return `${file ? `目录文件 ${file}：` : '目录文件出错：'}${meaning}(${e.code})`;
}
