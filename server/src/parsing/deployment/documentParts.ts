import type { ModelPart } from '../parsers';
import type { SourceFile } from '../sourceFile';
import type { DeploymentModel, KubeObject, Workload } from './deploymentModel';

/**
 * The documents of a multi-document manifest, each as a deployment model of its own (its workloads
 * and objects), for rules of scope `document`. A document's model is a function of its text and of
 * the template directives in it (a directive is masked before the YAML is parsed), so the key holds
 * both: an edit elsewhere leaves it equal, and findings reused by it are only moved.
 */
export function documentParts(model: DeploymentModel, file: SourceFile): ModelPart[] {
  const { documents, templates } = model.yaml;
  if (documents.length < 2) return [];
  const workloads = new Map<number, Workload[]>();
  const objects = new Map<number, KubeObject[]>();
  for (const w of model.workloads) push(workloads, w.documentIndex, w);
  for (const o of model.objects) push(objects, o.documentIndex, o);
  return documents.map((document) => {
    const { start, end } = document.span;
    const directives = document.templated ? templates.filter((t) => t.start < end && t.end > start).map((t) => `${t.start - start}-${t.end - start}`).join(',') : '';
    return {
      key: `${document.templated ? `templated ${directives}` : ''}\u0000${file.text.slice(start, end)}`,
      start,
      model: {
        platform: model.platform,
        yaml: { documents: [document], templates },
        workloads: workloads.get(document.index) ?? [],
        objects: objects.get(document.index) ?? [],
      } satisfies DeploymentModel,
    };
  });
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
