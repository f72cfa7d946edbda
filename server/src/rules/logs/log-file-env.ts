import { isLogFileVariable } from '../../analysis/logDestinations';
import { defineRule } from '../../engine/defineRule';
import type { Span } from '../../parsing/sourceFile';
import { displayName, type DeploymentModel } from '../../parsing/deployment/deploymentModel';
import { isNonProductionManifest } from '../../parsing/deployment/nonProductionManifest';
import { runtimeStages, type DockerfileModel } from '../../parsing/dockerfile/dockerfileModel';
import { isDevDockerfile } from '../../parsing/dockerfile/startupCommands';

/**
 * An environment variable that points a process's log at a file (`LOG_FILE=/var/log/app.log`), set
 * where the process is deployed: a Kubernetes, compose or Cloud Foundry env entry, or an image's ENV.
 */
export default defineRule<DeploymentModel | DockerfileModel>({
  id: 'logs/log-file-env',
  factor: 'logs',
  kinds: ['kubernetes', 'compose', 'cloudfoundry', 'dockerfile'],
  defaultSeverity: 'warning',
  description: 'An environment variable named for a log file (LOG_FILE, LOGFILE, APP_LOG_PATH, ACCESS_LOG) set to a file path in a deployment manifest or an image ENV.',
  rationale: 'A twelve-factor app writes its log as an event stream to stdout; a log file inside a container is invisible to the platform and lost with the instance.',
  messages: {
    logFileEnv: '{{name}}={{value}} tells {{where}} to write its log to a file inside the container, where the platform does not collect it and the next restart loses it; leave it unset or set it to /dev/stdout.',
  },
  fixable: false,
  scope: 'document',
  check(model, ctx) {
    const report = (name: string, value: string, at: Span, where: string) => {
      if (isLogFileVariable(name, value)) ctx.report({ messageId: 'logFileEnv', data: { name, value, where }, at });
    };
    if ('stages' in model) {
      if (isDevDockerfile(ctx.file.path)) return;
      for (const instruction of runtimeStages(model).flatMap((s) => s.instructions)) {
        if (instruction.keyword !== 'ENV') continue;
        for (const p of instruction.properties ?? []) if (p.value) report(p.name.value, p.value.value, p.value.span, 'the image');
      }
      return;
    }
    if (isNonProductionManifest(ctx.file.path, model.platform)) return;
    for (const workload of model.workloads) {
      for (const container of workload.containers) {
        const where = model.platform === 'kubernetes' ? `container ${displayName(container.name)}` : displayName(workload.name);
        for (const entry of container.env) if (entry.value.type === 'literal') report(entry.name, entry.value.text, entry.value.span, where);
      }
    }
  },
});
