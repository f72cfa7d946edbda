import * as vscode from 'vscode';
import { openFile, replaceAndSave, waitForDiagnostic, waitForNoDiagnostic, workspaceFile } from './helpers';

const UNPINNED = 'dependencies/unpinned-base-image';
const severity = (s: vscode.DiagnosticSeverity) => (d: vscode.Diagnostic) => d.severity === s;

/** `twelveFactor.rules` in workspace settings, and `.twelve-factor.yaml`, turn rules off and on. */
export function configurationTests(): void {
  describe('configuration', () => {
    it('twelveFactor.rules in workspace settings turns a rule off and back on', async () => {
      const doc = await openFile('service.dockerfile');
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Warning), 'at its default severity');
      const config = () => vscode.workspace.getConfiguration('twelveFactor', doc.uri);
      const target = vscode.ConfigurationTarget.Workspace;

      await config().update('rules', { [UNPINNED]: 'off' }, target);
      await waitForNoDiagnostic(doc.uri, UNPINNED, `"${UNPINNED}": "off" in workspace settings`);

      await config().update('rules', { [UNPINNED]: 'error' }, target);
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Error), 'with severity Error from workspace settings');

      await config().update('rules', { 'dependencies/*': 'off' }, target);
      await waitForNoDiagnostic(doc.uri, UNPINNED, '"dependencies/*": "off" in workspace settings');

      await config().update('rules', undefined, target);
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Warning), 'back at its default severity after the setting was removed');
    });

    it('creating and deleting .twelve-factor.yaml turns a rule off and back on', async () => {
      const doc = await openFile('service.dockerfile');
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Warning), 'at its default severity');
      const teamConfig = workspaceFile('.twelve-factor.yaml');

      await vscode.workspace.fs.writeFile(teamConfig, Buffer.from(`rules:\n  ${UNPINNED}: off\n`));
      await waitForNoDiagnostic(doc.uri, UNPINNED, `"${UNPINNED}: off" in a new .twelve-factor.yaml`);

      await vscode.workspace.fs.delete(teamConfig);
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Warning), 'back at its default severity after .twelve-factor.yaml was deleted');
    });

    it('editing .twelve-factor.yaml in the editor turns a rule off and back on', async () => {
      const doc = await openFile('service.dockerfile');
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Warning), 'at its default severity');
      const teamConfig = workspaceFile('.twelve-factor.yaml');
      await vscode.workspace.fs.writeFile(teamConfig, Buffer.from('# team settings\nrules: {}\n'));
      const yaml = await vscode.workspace.openTextDocument(teamConfig);
      await vscode.window.showTextDocument(yaml);

      await replaceAndSave(yaml, `# team settings\nrules:\n  ${UNPINNED}: off\n`);
      await waitForNoDiagnostic(doc.uri, UNPINNED, `"${UNPINNED}: off" typed into .twelve-factor.yaml`);

      await replaceAndSave(yaml, `# team settings\nrules:\n  ${UNPINNED}: error\n`);
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Error), 'with severity Error typed into .twelve-factor.yaml');

      // Leave the file neutral for the cases that follow.
      await replaceAndSave(yaml, '# team settings\nrules: {}\n');
      await waitForDiagnostic(doc.uri, UNPINNED, severity(vscode.DiagnosticSeverity.Warning), 'back at its default severity');
    });
  });
}
