import type { EventCoding, ExtractedEntity } from '@eventwire/contracts';
import { CodingSegment, Sentence, SentenceReader, textOf } from './coding-sentences';
import { EventLexicons, typeCodes } from './event-lexicons';
import { RoleAssignment } from './role-assignment';
import { Candidate, codedType, TriggerVoting } from './trigger-voting';

export type { CodingSegment } from './coding-sentences';

/**
 * Codes an article's main event PETRARCH-style: trigger phrases from
 * Arabic and English lexicons give the PLOVER type (and mode), the
 * actors around the trigger in its sentence give source and target, and
 * the places tied to it give the location. Unlike PETRARCH there is no
 * parse: word order decides, with what Arabic needs — a verb usually comes
 * before its subject ("أرسلت روسيا قوات"), a clitic preposition marks an
 * oblique ("لكازاخستان"), and a noun trigger takes its agent after it
 * ("انسحاب القوات الروسية").
 *
 * Each sentence votes for its main trigger (in English the first finite
 * verb, else the first trigger); the main event is the type with most
 * votes, weighted by place (title 3, lead 2, next paragraphs 1), the
 * earliest on a tie, coded from its vote in the heaviest sentence.
 *
 * The work is done by four parts, composed here: the lexicons
 * ({@link EventLexicons}), the sentences they are matched in
 * ({@link SentenceReader}), the vote for the main trigger
 * ({@link TriggerVoting}) and the roles and place around it
 * ({@link RoleAssignment}).
 */
export class EventCoder {
  private readonly lexicons = new EventLexicons();
  private readonly reader = new SentenceReader(this.lexicons);
  private readonly voting = new TriggerVoting(this.lexicons);
  private readonly roleAssignment = new RoleAssignment(this.lexicons);

  code(segments: readonly CodingSegment[], entities: readonly ExtractedEntity[]): EventCoding | null {
    const sentences = this.reader.sentences(segments);
    const chosen = this.voting.mainEvent(sentences, entities);
    return chosen ? this.coded(chosen, sentences, entities) : null;
  }

  private coded(chosen: Candidate, sentences: Sentence[], entities: readonly ExtractedEntity[]): EventCoding {
    const { sentence, match } = chosen;
    const groups = this.roleAssignment.groups(sentence, entities);
    const { source, target } = this.roleAssignment.roles(sentence, match, groups);
    const trigger = {
      text: textOf(sentence, match.first, match.last),
      start: sentence.tokens[match.first].start,
      end: sentence.tokens[match.last - 1].end,
      pattern: match.entry.pattern,
    };
    const sourceActors = source ? this.roleAssignment.actors(source) : [];
    // The source decides between some types: armed forces fight rather than assault, and deploy rather than arrive.
    const { type, mode } = codedType(chosen, sourceActors.some((a) => a.sectors.includes('MIL')));
    const codes = typeCodes(type);
    return {
      type,
      cameoRoot: codes.cameo,
      quadClass: codes.quad,
      mode,
      context: this.roleAssignment.contextOf(sentence),
      trigger,
      sentence: { start: sentence.start, end: sentence.end },
      source: sourceActors,
      target: target ? this.roleAssignment.actors(target) : [],
      location: this.roleAssignment.location(sentence, match, groups, target, sentences, entities),
    };
  }
}
