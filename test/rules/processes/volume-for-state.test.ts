import rule from '../../../server/src/rules/processes/volume-for-state';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    'FROM node:20-alpine\nCMD ["node", "server.js"]',
    { name: "Spring Boot's scratch VOLUME /tmp", code: 'FROM eclipse-temurin:21-jre\nVOLUME /tmp\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]' },
    { name: 'scratch and runtime mounts', code: 'FROM node:20\nVOLUME ["/var/tmp", "/tmp/cache/", "/run/app", "/dev/shm"]' },
    { name: "a database's own image", code: 'FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\nVOLUME /var/lib/postgresql/data /backups' },
    { name: 'a registry-qualified database image', code: 'FROM docker.io/bitnami/redis:7.2\nVOLUME ["/bitnami/redis/data"]' },
    { name: 'a stage built on a database image', code: 'FROM mongo:7 AS base\nFROM base\nVOLUME /data/db /data/configdb /data/dump' },
    { name: 'a database installed on a generic base', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y mariadb-server\nVOLUME /var/lib/mysql' },
    { name: 'a VOLUME in a build stage never reaches the image', code: 'FROM node:20 AS build\nVOLUME /app/data\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=build /app /app' },
    { name: 'a variable path cannot be judged', code: 'FROM node:20\nVOLUME $DATA_DIR\nVOLUME ["${APP_HOME}/data"]' },
    { name: 'an ARG-templated base cannot be judged', code: 'ARG BASE=postgres:16\nFROM ${BASE}\nVOLUME /data' },
    { name: 'an image that starts a database server on a generic base', code: 'FROM ubuntu:jammy\nVOLUME /data/db /data/configdb /backups\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["mongod"]' },
    { name: 'Windows data paths of a database', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nVOLUME C:\\\\data\\\\db C:\\\\data\\\\configdb' },
  ],
  invalid: [
    {
      code: 'FROM node:20-alpine\nVOLUME «/app/uploads»\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'volumeForState', data: { path: '/app/uploads' } }],
    },
    {
      name: 'JSON form: one finding per path, span inside the quotes',
      code: 'FROM python:3.12\nVOLUME ["«/data»", "/tmp", "«/var/log/app»"]',
      errors: [{ messageId: 'volumeForState', data: { path: '/data' } }, { messageId: 'volumeForState', data: { path: '/var/log/app' } }],
    },
    {
      name: 'shell form with several paths, in a stage built on an earlier one',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot AS base\nVOLUME «/srv/data»\nFROM base\nVOLUME «/srv/cache» /tmp\nCOPY --from=build /app /app',
      errors: [{ messageId: 'volumeForState', data: { path: '/srv/data' } }, { messageId: 'volumeForState', data: { path: '/srv/cache' } }],
    },
    {
      name: 'an app on a generic base keeps a non-database path',
      code: 'FROM debian:12\nVOLUME «/var/lib/myapp»',
      errors: [{ messageId: 'volumeForState', data: { path: '/var/lib/myapp' } }],
    },
    {
      name: 'a Windows app path, and an app server that is no database',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nVOLUME «C:\\\\app\\\\uploads»\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'volumeForState', data: { path: 'C:\\app\\uploads' } }],
    },
  ],
});
