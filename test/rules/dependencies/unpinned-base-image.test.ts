import rule from '../../../server/src/rules/dependencies/unpinned-base-image';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20-alpine\nCMD ["node", "server.js"]',
    'FROM python:3.12-slim@sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a6e1b4e1a7e4e2f1c3b5d6e7f8',
    'FROM nginx@sha256:4a8e0824201e50fc44ee8d208a2b3e44f2e2b8a6e1b4e1a7e4e2f1c3b5d6e7f8',
    'FROM scratch\nCOPY app /app',
    { name: 'a later stage built on an earlier one', code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app' },
    { name: 'an ARG-templated tag with a pinned default', code: 'ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine' },
    { name: 'an ARG with no default is a build-time choice we cannot see', code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}' },
    { name: 'a registry with a port is not a tag', code: 'FROM registry.local:5000/team/base:1.4.2' },
    { name: 'allowed by option', code: 'FROM internal/base', options: { allow: ['internal/base'] } },
    { name: 'platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build' },
    { name: 'a release codename pins a distribution', code: 'FROM debian:bookworm-slim\nFROM ubuntu:jammy' },
    {
      name: 'COPY --from a stage, a stage index, a variable or a versioned image',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\nCOPY --from=0 /go /go\nCOPY --from=${UV_IMAGE} /uv /bin/\nCOPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /bin/',
    },
  ],
  invalid: [
    { code: 'FROM «node»\nCMD ["node", "server.js"]', errors: [{ messageId: 'noTag', data: { image: 'node' } }] },
    { code: 'FROM python:«latest»', errors: [{ messageId: 'latestTag', data: { image: 'python:latest' } }] },
    { code: 'FROM «registry.local:5000/team/base»', errors: [{ messageId: 'noTag', data: { image: 'registry.local:5000/team/base' } }] },
    {
      name: 'every stage counts: a build stage pulls too',
      code: 'FROM «golang» AS build\nRUN go build\nFROM alpine:«latest»\nCOPY --from=build /app /app',
      errors: [{ messageId: 'noTag' }, { messageId: 'latestTag' }],
    },
    {
      name: 'an ARG default that floats',
      code: 'ARG BASE=node:latest\nFROM «${BASE}»',
      errors: [{ messageId: 'argUnpinned', data: { image: '${BASE}', resolved: 'node:latest', arg: 'BASE' } }],
    },
    { code: 'FROM --platform=linux/amd64 «ubuntu» AS base', errors: [{ messageId: 'noTag', data: { image: 'ubuntu' } }] },
    {
      name: 'a tag that names a variant or channel and no version',
      code: 'FROM node:«alpine»\nFROM python:«lts-slim»\nFROM debian:«stable-slim»',
      errors: [
        { messageId: 'versionlessTag', data: { image: 'node:alpine' } },
        { messageId: 'versionlessTag', data: { image: 'python:lts-slim' } },
        { messageId: 'versionlessTag', data: { image: 'debian:stable-slim' } },
      ],
    },
    {
      name: 'COPY --from an image pulls it like a base image',
      code: 'FROM python:3.14-slim\nCOPY --from=«ghcr.io/astral-sh/uv:latest» /uv /bin/uv\nCOPY --from=«busybox» /bin/sh /sh\nCOPY --from=«node:alpine» /usr/local/bin/node /usr/local/bin/',
      errors: [
        { messageId: 'copyFromUnpinned', data: { image: 'ghcr.io/astral-sh/uv:latest', why: 'the latest tag' } },
        { messageId: 'copyFromUnpinned', data: { image: 'busybox', why: 'no tag' } },
        { messageId: 'copyFromUnpinned', data: { image: 'node:alpine', why: 'a tag with no version' } },
      ],
    },
  ],
});
