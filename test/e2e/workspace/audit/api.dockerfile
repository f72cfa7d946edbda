FROM node
CMD ["node", "server.js"]
