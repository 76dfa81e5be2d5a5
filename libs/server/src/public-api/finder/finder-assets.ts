import { createHash } from 'node:crypto';
import type { FinderTexts, Language } from '@kompetansebro/i18n';

// The finder's own CSS (inline in every page) and its two scripts. Small on purpose: the pages are
// complete HTML, the CSS is a few hundred bytes gzipped, and the script is progressive enhancement.

export const FINDER_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e2b3c;background:#f4f6f9;overflow-wrap:break-word}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
a{color:#0050a0}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #1e2b3c;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.top{background:#0b3b66;color:#fff}.top .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding-top:.75rem;padding-bottom:.75rem}
.top a{color:#fff}.site{font-weight:700;font-size:1.125rem;text-decoration:none}
.langs{display:flex;gap:1rem;list-style:none;margin:0;padding:0}.langs [aria-current]{font-weight:700;text-decoration-thickness:3px}
h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 .5rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.0625rem;margin:0 0 .25rem}
.search{display:grid;gap:1rem;background:#fff;padding:1rem;border-radius:.5rem;border:1px solid #c9d1db}
@media(min-width:48rem){.search{grid-template-columns:2fr 1fr 1fr auto;align-items:end}}
.field{display:flex;flex-direction:column;gap:.25rem}label{font-weight:600}.help{font-size:.875rem;color:#4b5563}.field-error{color:#9b1c1c;font-weight:600}.field-error+input{border:2px solid #9b1c1c}
.notice{background:#fff7d6;border:1px solid #c9a227;border-radius:.5rem;padding:.75rem 1rem}
input,select{font:inherit;padding:.5rem;border:1px solid #68707c;border-radius:.25rem;background:#fff;color:inherit;min-height:2.75rem;width:100%}
button{font:inherit;font-weight:600;padding:.5rem 1.25rem;min-height:2.75rem;border:0;border-radius:.25rem;background:#0062ba;color:#fff;cursor:pointer}
.cards,.services,.areas{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}.cards>*,.services>*,.areas>*{min-width:0}
.card,.services li,section.box{background:#fff;border:1px solid #c9d1db;border-radius:.5rem;padding:1rem}
.place,.note,.reason{color:#4b5563;font-size:.9375rem}.card p{margin:.25rem 0}
.status strong{display:inline-block;padding:0 .5rem;border-radius:1rem}.staffed strong{background:#d8f0dc;color:#11532a}.self_service strong{background:#dbe9f8;color:#0b3b66}.closed strong{background:#f3e1e1;color:#7a1f1f}.unknown{color:#4b5563}
.tags{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:.5rem 0 0;padding:0}.tags li{background:#eef1f5;border-radius:.25rem;padding:0 .5rem;font-size:.875rem}
.week{border-collapse:collapse;width:100%;background:#fff}.week caption{text-align:left;font-weight:600;padding:.25rem 0}.week th,.week td{text-align:left;padding:.375rem .5rem;border-bottom:1px solid #dde2e8}.week .today{background:#fff7d6}.period{white-space:nowrap}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}.facts dd{margin:0}
.photos{list-style:none;margin:0;padding:0;display:grid;gap:1rem}@media(min-width:48rem){.photos{grid-template-columns:1fr 1fr}}
figure{margin:0}.photos img{display:block;width:100%;height:auto;border-radius:.5rem;background:#dde2e8}figcaption{font-size:.875rem;color:#4b5563;margin-top:.25rem}
.quick{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;margin:0;padding:0}
.foot{padding:2rem 1rem;font-size:.9375rem}
`;

/**
 * The script of the finder's pages that show "open now": each minute, the status of the libraries
 * shown is read again from the open data API — one library's hours on its page, the list of all
 * libraries (one request, not one per library: the API's rate limit counts per client) on a page
 * of several.
 */
export const FINDER_JS = `(function(){
var els=[].slice.call(document.querySelectorAll('[data-status]'));if(!els.length)return;
var data=document.getElementById('finder-status');var labels=data?JSON.parse(data.textContent):{};
function show(el,h){var strong=el.querySelector('strong'),next=el.querySelector('.next');
if(strong&&labels[h.now.state]){strong.textContent=labels[h.now.state];el.className='status '+h.now.state;}
if(next&&h.now.state!=='closed')next.remove();}
function read(url){return fetch(url).then(function(r){return r.ok?r.json():null;});}
function refresh(){
if(els.length===1){read('/api/public/v1/libraries/'+els[0].getAttribute('data-status')+'/hours').then(function(h){if(h)show(els[0],h);}).catch(function(){});return;}
read('/api/public/v1/libraries').then(function(list){if(!list)return;var hours={};
list.items.forEach(function(l){hours[l.id]=l.hours;});
els.forEach(function(el){var h=hours[el.getAttribute('data-status')];if(h)show(el,h);});}).catch(function(){});}
setInterval(refresh,60000);
})();`;

/** Changes with the script: the pages name `/finn/finder.js?v=…`, which may be cached for a year. */
export const FINDER_JS_VERSION = createHash('sha256').update(FINDER_JS).digest('hex').slice(0, 12);

type WidgetTexts = Pick<FinderTexts['library'], 'today' | 'staffed' | 'selfService' | 'closed' | 'servicesHeading' | 'noHours'> & { serviceType: FinderTexts['serviceType']; status: FinderTexts['status'] };

/**
 * The embeddable widget for a municipality's website: `<script src=".../finn/widget.js"
 * data-library="grong-bibliotek" data-lang="nn" async>`. It puts a small box after its own script
 * tag with the library's status now, today's hours (self-service only where the library offers it,
 * as on its page) and its services for students, from the open data API (open CORS), with a link
 * to the library's page.
 */
export function widgetScript(texts: Record<Language, WidgetTexts>): string {
  return `(function(){
var s=document.currentScript;if(!s)return;
var T=${JSON.stringify(texts).replace(/</g, '\\u003c')};
var lang=T[s.getAttribute('data-lang')]?s.getAttribute('data-lang'):'nb',t=T[lang];
var base=new URL(s.src).origin,id=s.getAttribute('data-library')||'';
var box=document.createElement('section');box.lang=lang;box.className='kompetansebro-widget';
box.style.cssText='font:15px/1.5 system-ui,sans-serif;border:1px solid #c9d1db;border-radius:8px;padding:12px;max-width:24rem;color:#1e2b3c;background:#fff';
s.parentNode.insertBefore(box,s.nextSibling);
function el(tag,text){var e=document.createElement(tag);if(text)e.textContent=text;return e;}
fetch(base+'/api/public/v1/libraries/'+encodeURIComponent(id)).then(function(r){if(!r.ok)throw r;return r.json();}).then(function(l){
var h=el('h2');h.style.cssText='font-size:17px;margin:0 0 4px';var a=el('a',l.name);a.href=base+l.url+(lang==='nb'?'':'?lang='+lang);h.appendChild(a);box.appendChild(h);
if(!l.hours){box.appendChild(el('p',t.noHours));}else{
box.appendChild(el('p',t.status[l.hours.now.state]));
var staffed=l.hours.today.periods.filter(function(p){return p.kind==='staffed'}).map(function(p){return p.from+'–'+p.to}).join(', ');
var self=l.hours.today.periods.filter(function(p){return p.kind==='self_service'}).map(function(p){return p.from+'–'+p.to}).join(', ');
var selfText=l.hours.offersSelfService?' '+t.selfService+' '+(self||t.closed)+'.':'';
box.appendChild(el('p',t.today+': '+(l.hours.today.periods.length?t.staffed+' '+(staffed||t.closed)+'.'+selfText:t.closed)));}
if(l.services.length){box.appendChild(el('h3',t.servicesHeading)).style.cssText='font-size:15px;margin:8px 0 0';var ul=el('ul');ul.style.margin='0';
l.services.forEach(function(x){ul.appendChild(el('li',t.serviceType[x.type]||x.type));});box.appendChild(ul);}
}).catch(function(){box.remove();});
})();`;
}
