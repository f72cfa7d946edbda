import rule from '../../../server/src/rules/port-binding/hardcoded-listen-port';
import { testRule } from '../../helpers/ruleTester';

const ENV_EXAMPLE = { '.env.example': 'DATABASE_URL=\n' };
const ENV_EXAMPLE_AFTER = (port: number) => ({ '.env.example': `DATABASE_URL=\nPORT=${port}\n` });

testRule(rule, { kind: 'code', fileName: 'server.ts' }, {
  valid: [
    { name: 'the twelve-factor way: PORT with a default', code: "const port = process.env.PORT || 3000;\napp.listen(port, () => console.log(`listening on ${port}`));\n" },
    { name: 'PORT through Number and ??', code: 'app.listen(Number(process.env.PORT ?? 8080));\n' },
    { name: 'a port from a config object', code: 'server.listen(config.port);\n' },
    { name: 'port 0 asks the OS for any free port', code: 'const server = app.listen(0);\n' },
    { name: 'in comments and strings', code: '// app.listen(3000)\nconst doc = "call app.listen(3000) to start";\n' },
    { name: 'a variable declared twice is not resolved', code: 'let port = 3000;\nif (prod) port = 80;\nlet p;\nfunction f() { let port = 1; }\napp.listen(port);\n' },
  ],
  invalid: [
    {
      name: 'app.listen(3000) in TypeScript, with .env.example updated',
      code: "import express from 'express';\nconst app = express();\napp.listen(«3000», () => console.log('up'));\n",
      errors: [{ messageId: 'fixedPort', data: { call: 'app.listen', port: 3000 } }],
      output: "import express from 'express';\nconst app = express();\napp.listen(Number(process.env.PORT ?? 3000), () => console.log('up'));\n",
      files: ENV_EXAMPLE,
      otherOutputs: ENV_EXAMPLE_AFTER(3000),
    },
    {
      name: 'a const port: reported where the server binds, fixed where it is declared',
      code: 'const PORT = 8080;\nhttp.createServer(handler).listen(«PORT»);\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'http.createServer(handler).listen', port: 8080 } }],
      output: 'const PORT = Number(process.env.PORT ?? 8080);\nhttp.createServer(handler).listen(PORT);\n',
      files: { '.env.example': 'PORT=8080\n' },
    },
    {
      name: 'fastify options object',
      code: 'await fastify.listen({ port: «3000», host: "0.0.0.0" });\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'fastify.listen', port: 3000 } }],
      output: 'await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" });\n',
      otherOutputs: { '.env.example': 'PORT=3000\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'server.js' }, {
  valid: [
    { name: 'process.env.PORT in JavaScript', code: "const { PORT = 3000 } = process.env;\napp.listen(PORT);\n" },
    { name: 'serve without a port option', code: "serve(app);\napp.use(serveStatic('public', { maxAge: 3000 }));\n" },
  ],
  invalid: [
    {
      name: 'Bun.serve and Hono serve take the port as an option',
      code: "Bun.serve({ port: «3000», fetch: app.fetch });\nserve({ fetch: app.fetch, port: «3001» });\n",
      errors: [{ messageId: 'fixedPort', data: { call: 'Bun.serve', port: 3000 } }, { messageId: 'fixedPort', data: { call: 'serve', port: 3001 } }],
      output: "Bun.serve({ port: process.env.PORT ?? 3000, fetch: app.fetch });\nserve({ fetch: app.fetch, port: process.env.PORT ?? 3001 });\n",
      files: { '.env.example': 'PORT=3000\n' },
    },
    {
      name: 'JavaScript keeps the string (listen takes it)',
      code: "const app = require('express')();\napp.listen(«3000»);\n",
      errors: [{ messageId: 'fixedPort', data: { call: 'app.listen', port: 3000 } }],
      output: "const app = require('express')();\napp.listen(process.env.PORT ?? 3000);\n",
      files: { 'package.json': '{}' },
      otherOutputs: { '.env.example': 'PORT=3000\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'src/server.test.ts' }, {
  valid: [{ name: 'test files are skipped by default', code: 'app.listen(3000);\n' }],
  invalid: [
    {
      name: 'unless testFiles is emptied',
      code: 'app.listen(«3000»);\n',
      options: { testFiles: [] },
      errors: [{ messageId: 'fixedPort', data: { call: 'app.listen', port: 3000 } }],
      output: 'app.listen(Number(process.env.PORT ?? 3000));\n',
      otherOutputs: { 'src/.env.example': 'PORT=3000\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'app.py' }, {
  valid: [
    { name: 'Flask reading PORT', code: 'import os\napp.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n' },
    { name: 'a development run by hand, bound to loopback only', code: 'if __name__ == "__main__":\n    # local only; gunicorn runs the app in production\n    app.run(host="127.0.0.1", port=8080, debug=True)\n' },
    { name: 'gunicorn owns the port: no run call', code: 'from flask import Flask\napp = Flask(__name__)\n' },
    { name: 'a port keyword of something that is not a server', code: 'db = connect(host="db", port=5432)\n' },
    { name: "a socket's listen backlog is no port", code: 'import socket\nserver = socket.socket()\nserver.listen(5)\nsock.listen(128)\n' },
  ],
  invalid: [
    {
      name: 'loopback without the __main__ guard, and the guard without loopback, with a module-level constant',
      code: 'PORT_NUMBER = 80\napp.run(host="localhost", port=«8080»)\nif __name__ == "__main__":\n    app.run(debug=False, port=«PORT_NUMBER»)\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'app.run', port: 8080 } }, { messageId: 'fixedPort', data: { call: 'app.run', port: 80 } }],
      output: 'import os\n\nPORT_NUMBER = 80\napp.run(host="localhost", port=int(os.environ.get("PORT", 8080)))\nif __name__ == "__main__":\n    app.run(debug=False, port=PORT_NUMBER)\n',
      otherOutputs: { '.env.example': 'PORT=8080\n' },
    },
    {
      name: 'app.run(port=5000), adding import os',
      code: 'from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=«5000»)\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'app.run', port: 5000 } }],
      output: 'import os\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n',
      files: ENV_EXAMPLE,
      otherOutputs: ENV_EXAMPLE_AFTER(5000),
    },
    {
      name: 'uvicorn.run with a module-level PORT',
      code: 'import os\nimport uvicorn\nPORT = 8000\nuvicorn.run("main:app", host="0.0.0.0", port=«PORT»)\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'uvicorn.run', port: 8000 } }],
      output: 'import os\nimport uvicorn\nPORT = int(os.environ.get("PORT", 8000))\nuvicorn.run("main:app", host="0.0.0.0", port=PORT)\n',
      files: { '.env.example': 'PORT=8000\n' },
    },
    {
      name: 'http.server',
      code: 'import os\nfrom http.server import HTTPServer\nHTTPServer(("", «8000»), Handler).serve_forever()\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'HTTPServer', port: 8000 } }],
      output: 'import os\nfrom http.server import HTTPServer\nHTTPServer(("", int(os.environ.get("PORT", 8000))), Handler).serve_forever()\n',
      files: { '.env.example': 'PORT=8000\n' },
    },
    {
      name: 'servers beyond run: Tornado listen, aiohttp TCPSite, asyncio start_server, Dash run_server',
      code: 'import os\napp.listen(«8080»)\nsite = web.TCPSite(runner, "0.0.0.0", «8081»)\nawait asyncio.start_server(handle, "0.0.0.0", «8082»)\napp.run_server(debug=False, port=«8083»)\n',
      errors: [
        { messageId: 'fixedPort', data: { call: 'app.listen', port: 8080 } },
        { messageId: 'fixedPort', data: { call: 'web.TCPSite', port: 8081 } },
        { messageId: 'fixedPort', data: { call: 'asyncio.start_server', port: 8082 } },
        { messageId: 'fixedPort', data: { call: 'app.run_server', port: 8083 } },
      ],
      output: 'import os\napp.listen(int(os.environ.get("PORT", 8080)))\nsite = web.TCPSite(runner, "0.0.0.0", int(os.environ.get("PORT", 8081)))\nawait asyncio.start_server(handle, "0.0.0.0", int(os.environ.get("PORT", 8082)))\napp.run_server(debug=False, port=int(os.environ.get("PORT", 8083)))\n',
      files: { '.env.example': 'PORT=8080\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'App.java' }, {
  valid: [
    { name: 'Spring Boot reads server.port itself', code: '@SpringBootApplication\npublic class App { public static void main(String[] a) { SpringApplication.run(App.class, a); } }\n' },
    { name: 'a port from the environment', code: 'class A { void m() { new ServerSocket(Integer.parseInt(System.getenv("PORT"))); } }\n' },
    { name: 'a client address is no server', code: 'class A { void m() { new MemcachedClient(new InetSocketAddress("cache", 11211)); } }\n' },
  ],
  invalid: [
    {
      name: 'com.sun HttpServer on a fixed port',
      code: 'class A {\n  void m() throws Exception {\n    HttpServer.create(new InetSocketAddress(«8000»), 0).start();\n  }\n}\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'InetSocketAddress', port: 8000 } }],
      output: 'class A {\n  void m() throws Exception {\n    HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"))), 0).start();\n  }\n}\n',
      files: { '.env.example': 'PORT=8000\n' },
    },
    {
      name: 'Javalin start(7000)',
      code: 'class A { void m() { Javalin.create().start(«7000»); } }\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'start', port: 7000 } }],
      output: 'class A { void m() { Javalin.create().start(Integer.parseInt(System.getenv().getOrDefault("PORT", "7000"))); } }\n',
      files: { '.env.example': 'PORT=7000\n' },
    },
    {
      name: 'Jetty, Undertow, a ServerSocket with a backlog and a wildcard address',
      code: 'class A {\n  void m() throws Exception {\n    new Server(«8080»);\n    Undertow.builder().addHttpListener(«8081», "0.0.0.0");\n    new ServerSocket(«8082», 50);\n    new InetSocketAddress("0.0.0.0", «8083»);\n  }\n}\n',
      errors: [
        { messageId: 'fixedPort', data: { call: 'Server', port: 8080 } },
        { messageId: 'fixedPort', data: { call: 'addHttpListener', port: 8081 } },
        { messageId: 'fixedPort', data: { call: 'ServerSocket', port: 8082 } },
        { messageId: 'fixedPort', data: { call: 'InetSocketAddress', port: 8083 } },
      ],
      output: 'class A {\n  void m() throws Exception {\n    new Server(Integer.parseInt(System.getenv().getOrDefault("PORT", "8080")));\n    Undertow.builder().addHttpListener(Integer.parseInt(System.getenv().getOrDefault("PORT", "8081")), "0.0.0.0");\n    new ServerSocket(Integer.parseInt(System.getenv().getOrDefault("PORT", "8082")), 50);\n    new InetSocketAddress("0.0.0.0", Integer.parseInt(System.getenv().getOrDefault("PORT", "8083")));\n  }\n}\n',
      files: { '.env.example': 'PORT=8080\n' },
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [
    { name: 'the Getenv idiom', code: 'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\thttp.ListenAndServe(":"+port, nil)\n}\n' },
    { name: 'a listener on a random port', code: 'package main\n\nfunc main() { l, _ := net.Listen("tcp", ":0"); _ = l }\n' },
    { name: "a client's Addr is no listen address", code: 'package main\n\nfunc main() {\n\trdb := redis.NewClient(&redis.Options{Addr: "cache:6379"})\n\t_ = rdb\n}\n' },
  ],
  invalid: [
    {
      name: 'http.ListenAndServe(":8080"), with the idiom and the os import',
      code: 'package main\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc main() {\n\tlog.Fatal(http.ListenAndServe(«":8080"», nil))\n}\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'http.ListenAndServe', port: 8080 } }],
      output: 'package main\n\nimport (\n\t"log"\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\tlog.Fatal(http.ListenAndServe(":"+port, nil))\n}\n',
      files: { '.env.example': 'PORT=8080\n' },
    },
    {
      name: 'an http.Server Addr with a host, where port is taken',
      code: 'package main\n\nimport "net/http"\n\nfunc main() {\n\tport := 1\n\t_ = port\n\tsrv := &http.Server{Addr: «"0.0.0.0:9090"»}\n\tsrv.ListenAndServe()\n}\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'Addr', port: 9090 } }],
      output: 'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tport := 1\n\t_ = port\n\tportValue := os.Getenv("PORT")\n\tif portValue == "" {\n\t\tportValue = "9090"\n\t}\n\tsrv := &http.Server{Addr: "0.0.0.0:"+portValue}\n\tsrv.ListenAndServe()\n}\n',
      files: { '.env.example': 'PORT=9090\n' },
    },
    {
      name: 'gin at package level: reported, no fix (no statements outside functions)',
      code: 'package main\n\nvar addr = ":8080"\n\nfunc main() { r.Run(«addr») }\n',
      errors: [{ messageId: 'fixedPort', data: { call: 'r.Run', port: 8080 } }],
      output: null,
    },
  ],
});
