import rule from '../../../server/src/rules/disposability/no-graceful-shutdown';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'code', fileName: 'server.js' }, {
  valid: [
    { name: 'a SIGTERM handler that closes the server', code: "const server = app.listen(process.env.PORT || 8080);\nprocess.on('SIGTERM', () => server.close(() => pool.end()));\n" },
    { name: 'SIGINT with once', code: "app.listen(port);\nprocess.once('SIGINT', shutdown);\n" },
    { name: 'terminus and NestJS shutdown hooks', code: "const server = http.createServer(app);\ncreateTerminus(server, { onSignal });\nserver.listen(3000);\n" },
    { name: 'NestJS', code: 'async function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableShutdownHooks();\n  await app.listen(3000);\n}\n' },
    { name: 'a JSON-RPC connection listens without a port', code: 'const connection = createConnection();\nconnection.listen();\n' },
    { name: 'no server at all', code: "const result = compute();\nconsole.log(result);\n" },
    { name: 'an LSP document manager listens on a connection', code: 'const documents = new TextDocuments(TextDocument);\ndocuments.listen(connection);\nconnection.listen();\n' },
    { name: 'an event source listens with a handler', code: 'bus.listen(onMessage);\nwatcher.listen(() => rebuild());\n' },
    { name: 'a listen on port 0 probes for a free port', code: "const srv = createServer();\nsrv.listen(0, '127.0.0.1', () => srv.close());\n" },
  ],
  invalid: [
    {
      name: 'app.listen as a statement gets a server constant and a handler',
      code: "const app = express();\n«app.listen(process.env.PORT ?? 3000)»;\n",
      errors: [{ messageId: 'noShutdown', data: { what: 'app.listen' } }],
      output: "const app = express();\nconst server = app.listen(process.env.PORT ?? 3000);\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));\n",
    },
    {
      name: 'a named server gets a handler after its declaration',
      code: 'function main() {\n  const srv = «http.createServer(handler).listen(port)»;\n  return srv;\n}\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'http.createServer(handler).listen' } }],
      output: "function main() {\n  const srv = http.createServer(handler).listen(port);\n  process.on('SIGTERM', () => srv.close(() => process.exit(0)));\n  return srv;\n}\n",
    },
    {
      name: 'a receiver not named like a server, with a port option',
      code: 'const hub = createHub();\n«hub.listen({ port: Number(process.env.PORT) })»;\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'hub.listen' } }],
      output: "const hub = createHub();\nconst server = hub.listen({ port: Number(process.env.PORT) });\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));\n",
    },
    {
      name: 'any receiver with a port-named argument',
      code: 'const port = process.env.PORT;\n«documents.listen(port)»;\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'documents.listen' } }],
      output: "const port = process.env.PORT;\nconst server = documents.listen(port);\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));\n",
    },
    {
      name: 'an awaited listen: reported without a fix',
      code: 'await «fastify.listen({ port })»;\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'fastify.listen' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'server.ts' }, {
  valid: [{ name: 'a comment about SIGTERM does not count, but a handler does', code: "// handles SIGTERM below\nconst server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close());\n" }],
  invalid: [
    {
      name: 'in TypeScript, with a server name taken',
      code: "import { server } from './config';\n«app.listen(server.port)»;\n",
      errors: [{ messageId: 'noShutdown', data: { what: 'app.listen' } }],
      output: "import { server } from './config';\nconst httpServer = app.listen(server.port);\nprocess.on('SIGTERM', () => httpServer.close(() => process.exit(0)));\n",
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'worker.py' }, {
  valid: [
    { name: 'gunicorn or uvicorn runs the app', code: 'from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    uvicorn.run(app, port=int(os.environ["PORT"]))\n' },
    { name: 'its own loop with a SIGTERM handler', code: 'import signal\nsignal.signal(signal.SIGTERM, stop)\nserver.serve_forever()\n' },
  ],
  invalid: [
    {
      name: 'http.server serving forever without a handler',
      code: 'from http.server import HTTPServer\n\nserver = HTTPServer(("", port), Handler)\n«server.serve_forever()»\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'server.serve_forever' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'App.java' }, {
  valid: [
    { name: 'Spring Boot drains gracefully by itself', code: '@SpringBootApplication\npublic class App { public static void main(String[] a) { SpringApplication.run(App.class, a); } }\n' },
    { name: 'a shutdown hook', code: 'class A { void m() throws Exception { HttpServer s = HttpServer.create(addr, 0); Runtime.getRuntime().addShutdownHook(new Thread(() -> s.stop(5))); s.start(); } }\n' },
  ],
  invalid: [
    {
      name: 'com.sun HttpServer without a shutdown hook',
      code: 'class A { void m() throws Exception { HttpServer s = «HttpServer.create(addr, 0)»; s.start(); } }\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'HttpServer' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'code', fileName: 'main.go' }, {
  valid: [
    { name: 'signal.Notify and Shutdown', code: 'package main\n\nfunc main() {\n\tgo srv.ListenAndServe()\n\tstop := make(chan os.Signal, 1)\n\tsignal.Notify(stop, syscall.SIGTERM)\n\t<-stop\n}\n' },
    { name: 'NotifyContext', code: 'package main\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)\n\tdefer stop()\n\trun(ctx)\n\thttp.ListenAndServe(":8080", nil)\n}\n' },
    { name: 'a server package without main', code: 'package server\n\nfunc Run() error { return http.ListenAndServe(addr, mux) }\n' },
  ],
  invalid: [
    {
      name: 'log.Fatal(http.ListenAndServe(...)) becomes a server with Shutdown',
      code: 'package main\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n\tlog.Fatal(«http.ListenAndServe(":8080", mux)»)\n}\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'http.ListenAndServe' } }],
      output:
        'package main\n\nimport (\n\t"context"\n\t"log"\n\t"net/http"\n\t"os"\n\t"os/signal"\n\t"syscall"\n\t"time"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n' +
        '\tsrv := &http.Server{Addr: ":8080", Handler: mux}\n\tgo func() {\n\t\tif err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {\n\t\t\tlog.Fatal(err)\n\t\t}\n\t}()\n' +
        '\tstop := make(chan os.Signal, 1)\n\tsignal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)\n\t<-stop\n\tctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)\n\tdefer cancel()\n' +
        '\tif err := srv.Shutdown(ctx); err != nil {\n\t\tlog.Print(err)\n\t}\n}\n',
    },
    {
      name: 'gin: reported without a fix',
      code: 'package main\n\nfunc main() {\n\tr := gin.Default()\n\t«http.ListenAndServeTLS(":443", "c", "k", r)»\n}\n',
      errors: [{ messageId: 'noShutdown', data: { what: 'http.ListenAndServeTLS' } }],
      output: null,
    },
  ],
});
