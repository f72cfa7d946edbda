import { Dockerfile as DockerfileClass } from 'dockerfile-ast/lib/dockerfile';
import { Util } from 'dockerfile-ast/lib/util';

/**
 * Makes dockerfile-ast place each comment in its build stage with each stage's range computed once.
 * It computed every stage's range again for every comment (a range object and its validation per
 * comment and stage), a tenth of a 300-line Dockerfile's parse. A stage's range spans its
 * instructions only, and placing a comment changes no instruction, so the ranges are the same
 * throughout; comments go to the same stages in the same order.
 */
type Stage = { getRange(): Range; addComment(comment: Comment): void };
type Range = Parameters<typeof Util.isInsideRange>[1];
type Comment = { getRange(): Range };
type Organizer = { initialInstructions: Stage; buildStages: Stage[]; getComments(): Comment[]; organizeComments(): void };

const proto = DockerfileClass.prototype as unknown as Organizer;
if (typeof proto.organizeComments === 'function' && !(proto.organizeComments as { once?: true }).once) {
  const organizeComments = function (this: Organizer): void {
    const initial = this.initialInstructions.getRange();
    const stages = this.buildStages.map((stage) => ({ stage, range: stage.getRange() }));
    for (const comment of this.getComments()) {
      if (Util.isInsideRange(comment.getRange().end, initial)) {
        this.initialInstructions.addComment(comment);
      } else {
        for (const { stage, range } of stages) if (Util.isInsideRange(comment.getRange().start, range)) stage.addComment(comment);
      }
    }
  };
  proto.organizeComments = Object.assign(organizeComments, { once: true as const });
}
