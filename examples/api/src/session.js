const session = require('express-session');

// Sessions kept in the process's memory, with a fallback secret: both break once there are two instances.
module.exports = session({
  secret: process.env.SESSION_SECRET || 'keyboard-cat-not-so-secret',
  resave: false,
  saveUninitialized: false,
});
