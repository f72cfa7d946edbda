import rule from '../../../server/src/rules/processes/in-memory-state';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'code', fileName: 'routes/wallet.ts' }, {
  valid: [
    { name: 'a cache that handlers fill', code: "const cache = new Map()\napp.get('/p/:id', async (req, res) => {\n  if (!cache.has(req.params.id)) cache.set(req.params.id, await load(req.params.id))\n  res.json(cache.get(req.params.id))\n})\n" },
    { name: 'a collection filled at start-up, only read by handlers', code: "const routes = new Set()\nfor (const r of config.routes) routes.add(r)\napp.get('/r', (req, res) => res.json(routes.has(req.query.r)))\n" },
    { name: 'a collection local to the handler', code: "app.post('/x', (req, res) => {\n  const seen = new Set()\n  seen.add(req.body.id)\n  res.send(seen.size)\n})\n" },
    { name: 'a constant table', code: "const THEMES = ['light', 'dark']\nconst PRICES = { basic: 1 }\napp.get('/t', (req, res) => res.json(THEMES))\n" },
    { name: 'a connected-client registry', code: "const wsClients = new Set()\nwss.on('connection', (req, res) => { wsClients.add(res) })\n" },
  ],
  invalid: [
    {
      name: 'a Set filled by a handler and checked by another',
      code: "const nftAddress = '0x41'\nconst «addressesMinted = new Set()»\nexport function listener () {\n  return async (req: Request, res: Response) => {\n    contract.on('Minted', (minter: string) => { addressesMinted.add(minter) })\n    res.json({ ok: true })\n  }\n}\nexport function verify () {\n  return (req: Request, res: Response) => { res.json(addressesMinted.has(req.body.wallet)) }\n}\n",
      errors: [{ messageId: 'memoryState', data: { name: 'addressesMinted' } }],
    },
    {
      name: 'an object and an array indexed and pushed by handlers',
      code: "let «votes = {}»\nconst «log = []»\napp.post('/vote', (req, res) => {\n  votes[req.body.option] = (votes[req.body.option] || 0) + 1\n  log.push(req.body)\n  res.sendStatus(204)\n})\n",
      errors: [{ messageId: 'memoryState', data: { name: 'votes' } }, { messageId: 'memoryState', data: { name: 'log' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [
    { name: 'a map filled in main, read by the handler', code: 'package main\n\nvar greetings = map[string]string{}\n\nfunc main() {\n\tgreetings["en"] = "hi"\n}\n\nfunc hello(w http.ResponseWriter, r *http.Request) {\n\tfmt.Fprint(w, greetings["en"])\n}\n' },
    { name: 'a handler that only reads its receiver', code: 'package main\n\nfunc (a *app) list(w http.ResponseWriter, r *http.Request) {\n\tfor _, m := range a.messages {\n\t\tfmt.Fprintln(w, m)\n\t}\n}\n' },
    { name: 'a cache field of the receiver', code: 'package main\n\nfunc (a *app) get(w http.ResponseWriter, r *http.Request) {\n\ta.cache[r.URL.Path] = load(r.URL.Path)\n}\n' },
  ],
  invalid: [
    {
      name: 'messages appended to a field of the handler receiver',
      code: 'package main\n\nfunc (a *app) receive(w http.ResponseWriter, r *http.Request) {\n\ta.mu.Lock()\n\tdefer a.mu.Unlock()\n\t«a.messages = append(a.messages, r.FormValue("m"))»\n}\n',
      errors: [{ messageId: 'memoryState', data: { name: 'a.messages' } }],
    },
    {
      name: 'a name that only contains a word of the kept-on-purpose list',
      code: 'package main\n\nvar «walletsConnected = map[string]bool{}»\n\nfunc connect(w http.ResponseWriter, r *http.Request) {\n\twalletsConnected[r.FormValue("w")] = true\n}\n',
      errors: [{ messageId: 'memoryState', data: { name: 'walletsConnected' } }],
    },
    {
      name: 'a package-level map written by a handler',
      code: 'package main\n\nvar (\n\t«visits = make(map[string]int)»\n)\n\nfunc count(w http.ResponseWriter, r *http.Request) {\n\tvisits[r.RemoteAddr]++\n\tvisits[r.URL.Path] = visits[r.URL.Path] + 1\n}\n',
      errors: [{ messageId: 'memoryState', data: { name: 'visits' } }],
    },
  ],
});
