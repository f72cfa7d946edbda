import rule from '../../../server/src/rules/dev-prod-parity/dev-image-drift';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile.dev' }, {
  valid: [
    { name: 'the same release, another variant', code: 'FROM node:20\nCMD ["npm", "run", "dev"]', files: { Dockerfile: 'FROM node:20.11-alpine AS build\nFROM gcr.io/distroless/nodejs20-debian12\n' } },
    { name: 'no production Dockerfile beside it', code: 'FROM node:18\n' },
    { name: 'a runtime production does not use', code: 'FROM python:3.11\n', files: { Dockerfile: 'FROM node:20\n' } },
    { name: 'production uses two releases (a build and a runtime stage)', code: 'FROM golang:1.21\n', files: { Dockerfile: 'FROM golang:1.22 AS build\nFROM golang:1.20\n' } },
    { name: 'a release production cannot be read from (lts, a variable)', code: 'FROM node:18\n', files: { Dockerfile: 'ARG NODE=20\nFROM node:${NODE}\n' } },
  ],
  invalid: [
    {
      code: 'FROM «node:18-alpine»\nCMD ["npm", "run", "dev"]',
      files: { Dockerfile: 'FROM node:20.11.1-alpine AS build\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=build /app /app\n' },
      errors: [{ messageId: 'runtimeDrift', data: { runtime: 'node', release: '18', image: 'node:18-alpine', production: 'Dockerfile', productionRelease: '20' } }],
      output: 'FROM node:20-alpine\nCMD ["npm", "run", "dev"]',
    },
    {
      name: 'against a distroless production image: no tag to align',
      code: 'FROM «eclipse-temurin:17-jdk»\n',
      files: { Dockerfile: 'FROM maven:3.9-eclipse-temurin-21 AS build\nFROM gcr.io/distroless/java21-debian12\n' },
      errors: [{ messageId: 'runtimeDrift', data: { runtime: 'java', release: '17', image: 'eclipse-temurin:17-jdk', production: 'Dockerfile', productionRelease: '21' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: '.devcontainer/Dockerfile' }, {
  valid: [],
  invalid: [
    {
      code: 'FROM «mcr.microsoft.com/devcontainers/python:3.11-bookworm»\n',
      files: { Dockerfile: 'FROM python:3.12-slim\n' },
      errors: [{ messageId: 'runtimeDrift', data: { runtime: 'python', release: '3.11', image: 'mcr.microsoft.com/devcontainers/python:3.11-bookworm', production: '../Dockerfile', productionRelease: '3.12' } }],
      output: null,
    },
  ],
});

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    { name: 'a dev stage built on the production stage', code: 'FROM python:3.12-slim AS base\nFROM base AS dev\nRUN pip install debugpy\nFROM base\n' },
    { name: 'no dev stage', code: 'FROM python:3.11 AS build\nFROM python:3.12-slim\n' },
  ],
  invalid: [
    {
      name: 'a dev stage (a compose build.target) on another release',
      code: 'FROM «golang:1.21» AS dev\nRUN go install github.com/air-verse/air@v1.52.3\nFROM golang:1.22 AS build\nFROM gcr.io/distroless/static\n',
      errors: [{ messageId: 'runtimeDrift', data: { runtime: 'go', release: '1.21', image: 'golang:1.21', production: 'the production stages', productionRelease: '1.22' } }],
      output: 'FROM golang:1.22 AS dev\nRUN go install github.com/air-verse/air@v1.52.3\nFROM golang:1.22 AS build\nFROM gcr.io/distroless/static\n',
    },
  ],
});
