/*
 * The pane's first script, in plain ES5 so that every webview Office uses can run it (a test parses it
 * as ES5). It decides, before the bundle loads:
 *  - Trident (Internet Explorer 11, used by volume-licensed Office 2016/2019 and by Windows without Edge):
 *    it cannot run the pane (ES2017); say so in both languages and name what the user needs;
 *  - EdgeHTML (Microsoft Edge Legacy) and other webviews without the built-ins newer than ES2017 the
 *    pane uses: load polyfills.js (core-js) before the pane's deferred script;
 *  - any webview: if the pane has not started after 30 seconds, say so instead of "Loading..." forever.
 */
(function () {
  var w = window;
  function es2017() {
    try {
      // eslint-disable-next-line no-new-func
      new Function('"use strict"; class A { constructor() { this.a = 1; } } const f = async (x = 1, ...r) => { await null; return `${x}`; }; let { a } = new A(); return f;');
      return true;
    } catch (e) {
      return false;
    }
  }
  function show(vi, en) {
    var root = document.getElementById('app');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('div');
    box.className = 'outside';
    box.id = 'outside';
    box.setAttribute('role', 'alert');
    var p1 = document.createElement('p');
    p1.setAttribute('lang', 'vi');
    p1.appendChild(document.createTextNode(vi));
    var p2 = document.createElement('p');
    p2.setAttribute('lang', 'en');
    p2.appendChild(document.createTextNode(en));
    box.appendChild(p1);
    box.appendChild(p2);
    root.appendChild(box);
    root.setAttribute('aria-busy', 'false');
  }
  if (!es2017()) {
    w.__thiduaLegacy = true;
    var render = function () {
      show(
        'Excel này hiển thị phần bổ trợ bằng Internet Explorer 11, trình duyệt quá cũ để chạy phần bổ trợ Chấm điểm thi đua. ' +
          'Hãy dùng Microsoft 365, Office 2021 trở lên, Office 2016/2019 bản bán lẻ có cài Microsoft Edge WebView2, Excel cho web (trong Edge hoặc Chrome) hoặc Excel cho Mac. ' +
          'Office 2016/2019 bản cấp phép số lượng lớn (volume) luôn dùng Internet Explorer: hãy mở sổ trong Excel cho web, hoặc dùng lệnh thidua trên máy tính.',
        'This Excel shows add-ins with Internet Explorer 11, too old to run the Emulation scoring add-in. ' +
          'Use Microsoft 365, Office 2021 or later, retail Office 2016/2019 with Microsoft Edge WebView2 installed, Excel on the web (in Edge or Chrome) or Excel for Mac. ' +
          'Volume-licensed Office 2016/2019 always uses Internet Explorer: open the workbook in Excel on the web, or use the thidua command on a computer.'
      );
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
    else render();
    return;
  }
  var missing =
    !Object.fromEntries || !Array.prototype.flat || !Array.prototype.flatMap || !String.prototype.replaceAll ||
    !String.prototype.matchAll || !Array.prototype.at || !Object.hasOwn || !Promise.allSettled ||
    typeof w.globalThis === 'undefined' || !String.prototype.trimStart || !Array.prototype.findLast || typeof w.structuredClone !== 'function';
  if (missing) document.write('<script src="polyfills.js"><\/script>');
  setTimeout(function () {
    var root = document.getElementById('app');
    if (root && root.getAttribute('aria-busy') === 'true')
      show(
        'Phần bổ trợ chưa khởi động được sau 30 giây (tệp của phần bổ trợ không tải được hoặc trình duyệt của Excel báo lỗi). Hãy đóng ngăn này và mở lại; nếu vẫn vậy, báo cho người quản trị Cụm.',
        'The add-in has not started after 30 seconds (its files did not load, or Excel\'s browser reported an error). Close this pane and open it again; if it persists, tell the cluster\'s administrator.'
      );
  }, 30000);
})();
