/**
 * The widget's CSS, scoped by its shadow root: the site's styles do not reach in, ours do not leak out. The host
 * rules are !important because a page's !important rules on every element would otherwise win on the host.
 */
export const styles = (accent: string, onAccent: string) => `
:host{all:initial!important;position:fixed!important;right:20px!important;bottom:20px!important;z-index:2147483000!important;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif!important;color:#1a1a1a!important;display:block!important}
*{box-sizing:border-box;font:inherit}
button{cursor:pointer}
.launcher{background:${accent};color:${onAccent};border:0;border-radius:24px;padding:12px 18px;font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.launcher:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #111;outline-offset:2px}
.panel{position:absolute;right:0;bottom:60px;width:min(370px,calc(100vw - 40px));max-height:min(600px,calc(100vh - 100px));display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden}
.panel[hidden]{display:none}
header{background:${accent};color:${onAccent};padding:12px 14px;display:flex;align-items:center;justify-content:space-between;gap:8px}
header h2{margin:0;font-size:16px;font-weight:600}
.close{background:transparent;color:inherit;border:0;font-size:20px;line-height:1;padding:4px 8px;border-radius:6px}
.body{padding:12px 14px;overflow:auto;flex:1;display:flex;flex-direction:column;gap:10px}
label{display:block;font-weight:600;margin-bottom:3px}
input,textarea{width:100%;border:1px solid #767676;border-radius:6px;padding:7px 9px;background:#fff;color:#1a1a1a}
textarea{min-height:80px;resize:vertical}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.primary{background:${accent};color:${onAccent};border:0;border-radius:6px;padding:9px 14px;font-weight:600}
.primary[disabled]{opacity:.6;cursor:default}
.note{color:#555;font-size:13px;margin:0}
.error{color:#a50e0e;margin:0}
.suggest{border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;background:#f6f8fa}
.suggest h3{margin:0 0 4px;font-size:13px;font-weight:600}
.suggest ul{margin:0;padding-left:18px}
a{color:#174ea6}
.log{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.msg{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere}
.msg.customer{align-self:flex-end;background:#e8eefc}
.msg.agent{align-self:flex-start;background:#f1f1f1}
.who{display:block;font-size:12px;color:#555;margin-bottom:2px}
.ref{font-weight:600}
.composer{border-top:1px solid #ddd;padding:10px 14px;display:flex;flex-direction:column;gap:6px}
.row{display:flex;gap:8px;align-items:center;justify-content:space-between}
.file{font-size:13px}
.file-link{display:block;margin-top:4px;background:none;border:0;padding:0;color:#174ea6;text-decoration:underline;font-size:13px;text-align:left}
`;
