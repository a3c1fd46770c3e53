// The services of surveys and feedback: surveys and feedback sessions with their questions
// and results, and feedback items, which Go can make improvement initiatives or
// nonconformities.
import * as Feedbacks from './wailsjs/go/app/FeedbackService';
import * as Surveys from './wailsjs/go/app/SurveyService';
import type { isms } from './wailsjs/go/models';
import { call } from './call';
import { crud, type Bound, type Plain } from './plan';
import type { Improvement, Nonconformity } from './corrective';

export type Survey = Plain<isms.Survey>;
export type SurveyQuestion = Plain<isms.SurveyQuestion>;
export type Feedback = Plain<isms.Feedback>;

export const feedback = {
  surveys: crud<Survey>(Surveys as unknown as Bound, ['questions']),
  feedback: {
    ...crud<Feedback>(Feedbacks as unknown as Bound, []),
    /** Creates a proposed improvement from the feedback and marks it converted, in one
     * transaction; refused when it already became one or is rejected. */
    toImprovement: (id: string, version: number) =>
      call<Improvement>(() => Feedbacks.ToImprovement(id, version)).then((i) => ({
        ...i,
        feedbackIds: i.feedbackIds ?? [],
        nonconformityIds: i.nonconformityIds ?? [],
        riskIds: i.riskIds ?? [],
      })),
    /** Raises the feedback as an open nonconformity (source feedback), linked both ways, in one
     * transaction; refused when it already became an improvement or a nonconformity, or is rejected. */
    toNonconformity: (id: string, version: number) =>
      call<Nonconformity>(() => Feedbacks.ToNonconformity(id, version)).then((n) => ({
        ...n,
        correctiveActionIds: n.correctiveActionIds ?? [],
      })),
  },
};
