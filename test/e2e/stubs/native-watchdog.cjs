// The binding of @vscode/native-watchdog in plain JavaScript, written by the e2e set-up as
// build/Release/watchdog.js, which compiles nothing. The extension host also checks its parent from
// JavaScript, so a no-op watchdog only loses the check for a blocked event loop.
exports.start = () => {};
exports.exit = (code) => process.exit(code);
