// The renderer's entry. The screens (React + zustand over the typed API client) come with the desktop-app issue;
// until then the page says what the command line already does.
const root = document.getElementById('root');
if (root) {
  root.innerHTML = '';
  const h1 = document.createElement('h1');
  h1.textContent = '报送助手';
  const p = document.createElement('p');
  p.textContent = '桌面界面正在开发中；现在请使用命令行：baosong import、baosong check。';
  root.append(h1, p);
}
