import rule from '../../../server/src/rules/dependencies/remote-script-pipe';
import { testRule } from '../../helpers/ruleTester';

testRule(rule, { kind: 'dockerfile', fileName: 'Dockerfile' }, {
  valid: [
    {
      name: 'download to a file, verify the checksum, then run it',
      code: 'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install-1.4.2.sh \\\n && echo "3f1c0e  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh',
    },
    { name: 'piping an archive into tar', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool-1.2.tar.gz | tar -xz -C /usr/local/bin' },
    { name: 'piping a key into gpg', code: 'FROM debian:12\nRUN curl -fsSL https://download.docker.com/linux/debian/gpg | gpg --dearmor -o /etc/apt/keyrings/docker.gpg' },
    { name: 'python -c parses a JSON response as data', code: 'FROM python:3.12\nRUN curl -s https://api.github.com/repos/o/r/releases/latest | python3 -c "import sys, json; print(json.load(sys.stdin)[\'tag_name\'])"' },
    { name: 'python -m json.tool', code: 'FROM python:3.12\nRUN curl -s https://example.com/v.json | python -m json.tool' },
    { name: 'a shell that runs a local script reads the download as data', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/list.txt | bash ./process.sh' },
    { name: 'wget to a file', code: 'FROM debian:12\nRUN wget -q https://example.com/install.sh | sh' },
    { name: 'curl writing to a file', code: 'FROM debian:12\nRUN curl -fsSL -o install.sh https://example.com/install.sh | sh' },
    { name: 'piping something other than a download into a shell', code: 'FROM debian:12\nRUN echo "echo hello" | sh' },
    { name: 'sh -c with a local script', code: 'FROM debian:12\nRUN sh -c "$(cat /opt/setup.sh)"' },
    { name: 'exec form is left alone', code: 'FROM debian:12\nRUN ["sh", "-c", "echo hi"]' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN «curl https://get.example.com | sh»',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'curl', shell: 'sh' } }],
    },
    {
      name: 'curl -fsSL … | bash - after other commands',
      code: 'FROM node:20\nRUN apt-get update && «curl -fsSL https://deb.nodesource.com/setup_20.x | bash -» && apt-get install -y nodejs',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'curl', shell: 'bash' } }],
    },
    {
      name: 'wget -O- and -qO - into sh',
      code: 'FROM alpine:3.20\nRUN «wget -O- https://x.example.com/i.sh | sh»; «wget -qO - https://y.example.com/i.sh | sh -s -- --yes»',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'wget', shell: 'sh' } }, { messageId: 'remoteScript', data: { downloader: 'wget', shell: 'sh' } }],
    },
    {
      name: 'into sudo bash, across a line continuation',
      code: 'FROM ubuntu:24.04\nRUN «curl -sL https://example.com/setup \\\n    | sudo -E bash»',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'curl', shell: 'bash' } }],
    },
    {
      name: 'into python3 reading stdin',
      code: 'FROM python:3.12\nRUN «curl -sSL https://install.python-poetry.org | python3 -»',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'curl', shell: 'python3' } }],
    },
    {
      name: 'through a decompressor',
      code: 'FROM debian:12\nRUN «curl -fsSL https://example.com/i.sh.gz | gunzip | bash»',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'curl', shell: 'bash' } }],
    },
    {
      name: 'bash -c "$(curl …)" and sh -c "$(wget -qO- …)"',
      code: 'FROM debian:12\nRUN «bash -c "$(curl -fsSL https://example.com/install.sh)"» && «sh -c "$(wget -qO- https://example.com/i.sh)"»',
      errors: [{ messageId: 'remoteScript', data: { downloader: 'curl', shell: 'bash' } }, { messageId: 'remoteScript', data: { downloader: 'wget', shell: 'sh' } }],
    },
  ],
});
