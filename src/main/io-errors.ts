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
  return `文件操作失败：${where}：${meaning ?? '系统报错'}(${err.code})`;
}
