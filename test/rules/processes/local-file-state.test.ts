import rule from '../../../server/src/rules/processes/local-file-state';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'code', fileName: 'routes.ts' }, {
  valid: [
    { name: 'writes under the OS temp directory', code: "app.post('/convert', async (req, res) => {\n  const file = path.join(os.tmpdir(), `${req.id}.pdf`);\n  await fs.promises.writeFile(file, req.body);\n  res.sendFile(file);\n});\n" },
    { name: 'a write at start-up, outside any handler', code: "fs.writeFileSync('build-info.json', JSON.stringify(info));\n" },
    { name: 'uploads kept in memory for object storage', code: "const upload = multer({ storage: multer.memoryStorage() });\n" },
    { name: 'a shared session store', code: "import RedisStore from 'connect-redis';\napp.use(session({ store: new RedisStore({ client }) }));\n" },
  ],
  invalid: [
    {
      name: 'a handler that writes a file',
      code: "router.post('/notes', (req, res) => {\n  «fs.writeFileSync(`notes/${req.body.id}.json`, JSON.stringify(req.body))»;\n  res.sendStatus(201);\n});\n",
      errors: [{ messageId: 'handlerWrite', data: { what: 'writeFileSync' } }],
    },
    {
      name: 'multer dest and diskStorage, and session-file-store',
      code: "const upload = «multer({ dest: 'uploads/' })»;\nconst storage = «multer.diskStorage({ destination: 'files/' })»;\nconst FileStore = «require('session-file-store')»(session);\n",
      errors: [{ messageId: 'uploadDisk', data: { what: 'multer' } }, { messageId: 'uploadDisk', data: { what: 'diskStorage' } }, { messageId: 'fileSessions', data: { what: 'session-file-store' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'views.py' }, {
  valid: [
    { name: 'reading a file in a route', code: '@app.route("/report")\ndef report():\n    with open("templates/report.txt") as f:\n        return f.read()\n' },
    { name: 'a temp file in a route', code: '@app.post("/convert")\ndef convert():\n    with tempfile.NamedTemporaryFile() as tmp:\n        tmp.write(request.data)\n    with open("/tmp/last.txt", "w") as f:\n        f.write("x")\n' },
    { name: "Flask's signed-cookie session and Redis sessions", code: 'app.secret_key = os.environ["SECRET_KEY"]\nSESSION_TYPE = "redis"\n' },
    { name: 'a write in a script, not a handler', code: 'def export():\n    with open("export.csv", "w") as f:\n        f.write("a,b")\n' },
  ],
  invalid: [
    {
      name: 'a Flask upload saved to disk, and a Django view writing a file',
      code: '@app.route("/upload", methods=["POST"])\ndef upload():\n    «request.files["photo"].save(os.path.join("uploads", name))»\n    return "ok"\n\ndef export(request):\n    with «open("exports/data.csv", "a")» as f:\n        f.write("x")\n',
      errors: [{ messageId: 'handlerWrite', data: { what: 'save' } }, { messageId: 'handlerWrite', data: { what: 'open' } }],
    },
    {
      name: 'Flask-Session on the filesystem',
      code: '«SESSION_TYPE = "filesystem"»\n',
      errors: [{ messageId: 'fileSessions', data: { what: 'filesystem' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'UploadController.java' }, {
  valid: [{ name: 'a temp file', code: 'class C { @PostMapping("/u") String up(MultipartFile f) throws Exception { f.transferTo(Files.createTempFile("up", ".bin")); return "ok"; } }\n' }],
  invalid: [
    {
      name: 'a MultipartFile transferred to a local folder',
      code: 'class C {\n  @PostMapping("/upload")\n  String upload(@RequestParam MultipartFile file) throws Exception {\n    «file.transferTo(new File("/data/" + file.getOriginalFilename()))»;\n    return "ok";\n  }\n}\n',
      errors: [{ messageId: 'handlerWrite', data: { what: 'transferTo' } }],
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'handlers.go' }, {
  valid: [
    { name: 'os.CreateTemp in a handler', code: 'package main\n\nfunc upload(w http.ResponseWriter, r *http.Request) {\n\tf, _ := os.CreateTemp("", "upload-*")\n\tdefer f.Close()\n}\n' },
    { name: 'a write in main', code: 'package main\n\nfunc main() { os.WriteFile("pid", []byte("1"), 0o644) }\n' },
  ],
  invalid: [
    {
      name: 'a handler that writes a file, and a filesystem session store',
      code: 'package main\n\nvar store = «sessions.NewFilesystemStore("", key)»\n\nfunc save(w http.ResponseWriter, r *http.Request) {\n\t«os.WriteFile("data/"+r.URL.Query().Get("id"), body, 0o644)»\n}\n',
      errors: [{ messageId: 'fileSessions', data: { what: 'NewFilesystemStore' } }, { messageId: 'handlerWrite', data: { what: 'WriteFile' } }],
    },
  ],
});
