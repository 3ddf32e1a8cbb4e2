#include "extract/meetings.h"

#include <algorithm>

#include "extract/meeting_refs.h"
#include "extract/meeting_syntax.h"
#include "extract/timex_calendar.h"
#include "extract/topics.h"

namespace tg::extract {
namespace {

using text::TokenKind;
using namespace meeting_syntax;  // the sentence-level reading (meeting_syntax.h)

struct Frame {
  std::vector<int> people;  // participants, clause order (subject first)
  EventStatus status = EventStatus::kOccurred;
  bool past_plan = false;   // "was supposed to": planned unless a later sentence cancels it
  bool hearsay = false;     // told as what a report said: a denial of the same people refutes it
  bool place_from_context = false;  // the place came from the sentences before, not this one
  bool gathering = false;   // told with a gathering word ("4자 회동", "the dinner")
  bool from_listing = false;  // its people came from the sentences after it
  DateChoice date;
  PlaceChoice place;
  size_t sentence = 0;
  float confidence = 0.5f;
  std::vector<std::string> topics;
};

class MeetingFinder {
 public:
  explicit MeetingFinder(const EventDoc& doc) : doc_(doc) {}

  std::vector<Meeting> Run() {
    // The person the article is about: the most mentioned one.
    std::vector<int> counts(doc_.entities->entities.size(), 0);
    for (const SentenceRefs& s : doc_.sentences) {
      for (const EntityRef& r : s.persons) ++counts[r.entity];
    }
    for (size_t e = 0; e < counts.size(); ++e) {
      if (counts[e] > 0 && (main_person_ < 0 || counts[e] > counts[main_person_])) main_person_ = static_cast<int>(e);
    }
    // The one an interview's "I" is: the first person the headline, dek or
    // lead names (an interview introduces its subject before the questions),
    // within the first eight sentences (labels and bylines come first).
    for (size_t si = 0; si < doc_.sentences.size() && si < 8 && first_person_ < 0; ++si) {
      for (const EntityRef& r : doc_.sentences[si].persons) {
        if (IsReporter(doc_.entities->entities[r.entity]) || IsByline(doc_, r)) continue;
        first_person_ = r.entity;
        break;
      }
    }
    for (size_t si = 0; si < doc_.sentences.size(); ++si) {
      const SentenceRefs& s = doc_.sentences[si];
      clause_sentence_ = &s;
      for (const Clause& c : SplitClauses(doc_, s)) Clause_(si, s, c);
      UpdateTopic(s);
    }
    ResolvePastPlans();
    return Finish();
  }

 private:
  void Clause_(size_t si, const SentenceRefs& s, const Clause& c) {
    std::vector<const EntityRef*> refs;
    for (const EntityRef& r : s.persons) {
      if (r.first_token >= c.first && r.first_token < c.last && !IsSpeaker(doc_, s, r) &&
          !IsReporter(doc_.entities->entities[r.entity]) && !IsByline(doc_, r)) {
        refs.push_back(&r);
      }
    }
    // "C accompanied A at the talks": C joins the meeting just reported. With
    // no such meeting nearby ("A joined B for dinner"), the clause is a
    // meeting of its own.
    if (IsAttachClause(doc_, s, c) && Attach(si, s, c, refs, -1)) return;
    // "이튿날 4자 회동이 이어졌다. 오 대표와 로웰 CEO에 더해 A, B가 참석했다.":
    // a gathering told without its people gets them from the join that follows.
    if (const int open = OpenGathering(si, s, c, refs); open >= 0 && Attach(si, s, c, refs, open)) {
      frames_[open].from_listing = true;
      return;
    }
    uint32_t trigger = c.last;
    bool verb = false;
    // Whether every trigger is only what was discussed or signed (no meeting
    // word, visit or home).
    bool discussion_only = true;
    for (uint32_t i = c.first; i < c.last; ++i) {
      if (!IsTrigger(doc_, s, i)) continue;
      if (trigger == c.last) trigger = i;
      const bool visit_or_home = IsPersonVisit(doc_, s, i) || IsPersonHome(doc_, s, i);
      verb = verb || doc_.Has(i, kCueMeet) || visit_or_home || IsHeldMeetingWith(doc_, s, i);
      discussion_only = discussion_only && !IsMeetingWord(doc_, i) && !visit_or_home;
    }
    if (trigger == c.last) return;
    // Talks told only by what was discussed need both sides named in the
    // clause ("A 회장과 B 대표는 ... 논의했다") or "the two" (양사는 ...
    // 논의했다 names companies, not people).
    if (discussion_only && refs.size() < 2 && !doc_.AnyIn(c.first, c.last, kCueTwo | kCueMany)) return;
    // What the people of the meeting just told discussed, with no time of its
    // own, is that meeting ("A met B on Wednesday. A and B discussed ...").
    if (discussion_only && last_group_ >= 0 && frames_[last_group_].sentence + 2 >= si &&
        !ChooseDate(doc_, s, c.first, c.last, trigger, last_day_).found) {
      bool same_people = true;
      for (const EntityRef* r : refs) same_people = same_people && Contains(frames_[last_group_].people, r->entity);
      if (same_people) return;
    }
    // "was asked whether he had met Lowe", "만났는지": asked about, not reported.
    if (IsQuestion(doc_, s, c, trigger)) return;

    std::vector<int> subject, objects;
    for (size_t k = 0; k < refs.size(); ++k) {
      const EntityRef& r = *refs[k];
      bool is_subject;
      if (doc_.korean) {
        std::string_view p = ParticleAfter(doc_, s, r);
        is_subject = IsSubjectParticle(p);
        // Headlines put a comma where the topic particle would be (구광모, 짐 켈러 등 만나).
        if (k == 0 && r.last_token < c.last && doc_.Token(r.last_token) == ",") is_subject = true;
        // In a headline the title may come between: "오 대표, 이달 말 런던서 ... 만날
        // 계획" (in body text "A 부회장, B 사장과 3자 회동" lists the partners).
        if (k == 0 && IsHeadline(doc_, s) && HeadlineComma(doc_, c, r)) is_subject = true;
        // "최 회장도 올트먼 CEO와 만찬": 도 (also) marks the subject when the
        // partner carries 와/과 or 를/을.
        if (p == "도") {
          for (const EntityRef* other : refs) {
            const std::string_view q = ParticleAfter(doc_, s, *other);
            if (other != &r && (IsJoiningParticle(q) || q == "를" || q == "을")) is_subject = true;
          }
        }
        // "박 회장과 프라이스 CEO는": a name joined to the subject is a subject too.
        if (IsJoiningParticle(p) && k + 1 < refs.size() &&
            IsSubjectParticle(ParticleAfter(doc_, s, *refs[k + 1]))) {
          is_subject = true;
        }
        // "나 사장은 도 회장을 수행해 ... 만났다": the one accompanied meets too.
        if ((p == "을" || p == "를") && AccompaniedAfter(doc_, s, r)) is_subject = true;
      } else {
        is_subject = r.first_token < trigger;
      }
      if (is_subject) {
        AddUnique(&subject, r.entity);
      } else if (!Contains(subject, r.entity)) {
        AddUnique(&objects, r.entity);
      }
    }
    objects.erase(std::remove_if(objects.begin(), objects.end(),
                                 [&](int e) { return Contains(subject, e); }),
                  objects.end());
    if (doc_.korean) DropKoreanReporter(s, c, trigger, refs, &subject);
    // "Ahn Se-rin, who met Whitmore": the antecedent is the subject, even
    // after "the two Seos" earlier in the sentence.
    const bool relative = !doc_.korean && RelativeClauseSubject(doc_, c, trigger, refs, &subject);
    if (!doc_.korean) PronounToSentenceSubject(s, c, refs, &subject, &objects);
    float confidence = verb ? 0.8f : 0.6f;
    // "The two last met in March", "두 사람은": the previous meeting's pair.
    bool plural_subject = false;  // the subject is "the two" / "the three"
    const bool two = !relative && doc_.AnyIn(c.first, c.last, kCueTwo);
    const bool many = !relative && doc_.AnyIn(c.first, c.last, kCueMany);
    // Only names before the anaphor count: "the two met at CES, in a session
    // that also included Oh" keeps the previous pair and adds Oh.
    uint32_t anaphor_token = c.first;
    while (anaphor_token < c.last && !doc_.Has(anaphor_token, kCueTwo | kCueMany)) ++anaphor_token;
    const size_t n = many ? GroupSize(doc_, anaphor_token) : 2u;
    // "세 사람은 각자 발표했다", "the three each spoke": what each did alone.
    if ((two || many) && EachAlone(doc_, c)) return;
    // "The four met separately after the ceremony": with no meeting of that
    // size before, the last n people the text named.
    // ("Kang hosted the three executives": a subject named before the group
    // is not one of them.)
    std::vector<int> recent;
    if (many && (last_group_ < 0 || frames_[last_group_].people.size() < n)) {
      recent = RecentPeople(doc_, si, anaphor_token, n, subject);
    }
    if ((two || many) && (last_group_ >= 0 || !refs.empty() || !recent.empty())) {
      // "the two" are the people just named in this sentence with the one the
      // text is about ("spent Monday with CEO X before the two had dinner"),
      // else the previous meeting's first two.
      std::vector<const EntityRef*> before;
      for (const EntityRef* r : refs) {
        if (r->first_token < anaphor_token) before.push_back(r);
      }
      std::vector<int> anaphor;
      const int about = topic_ >= 0 ? topic_ : main_person_;
      if (!recent.empty()) {
        anaphor = recent;
      } else if (!before.empty() && before.size() < n && about >= 0 && about != before.front()->entity) {
        anaphor.push_back(about);
      } else if ((before.empty() || before.size() < n) && last_group_ >= 0) {
        const std::vector<int>& prev = frames_[last_group_].people;
        anaphor.assign(prev.begin(), prev.begin() + std::min(prev.size(), n));
      }
      for (int e : subject) AddUnique(&anaphor, e);
      // "The two men spent the day together ... before holding talks over
      // lunch": with no time of its own, it is the meeting just reported.
      const bool same_as_previous = before.empty() && recent.empty() && last_group_ >= 0 &&
                                    !ChooseDate(doc_, s, c.first, c.last, trigger, last_day_).found &&
                                    frames_[last_group_].sentence + 3 >= si &&
                                    frames_[last_group_].status == EventStatus::kOccurred;
      if (same_as_previous) {
        for (const EntityRef* r : refs) AddUnique(&frames_[last_group_].people, r->entity);
        return;
      }
      subject = anaphor;
      objects.erase(std::remove_if(objects.begin(), objects.end(),
                                   [&](int e) { return Contains(subject, e); }),
                    objects.end());
      plural_subject = subject.size() >= 2;
      confidence -= 0.1f;
    } else if (subject.empty() && (verb || doc_.korean || FirstPersonBefore(doc_, c, trigger))) {
      // The subject left out: a person named earlier in the same sentence
      // (a headline's first half), else the person the text is about.
      int fallback = topic_ >= 0 ? topic_ : main_person_;
      const bool after_ellipsis = c.first > s.first_token && (doc_.Token(c.first - 1) == "…" ||
                                                              doc_.Token(c.first - 1) == "...");
      // Earlier in the sentence: its subject, which English puts first and
      // Korean marks with 은/는/이/가 (not the object of the clause before).
      bool from_sentence = false;
      for (const EntityRef& r : s.persons) {
        if (r.last_token > c.first || Contains(objects, r.entity) || after_ellipsis) continue;
        if (doc_.korean ? IsSubjectParticle(ParticleAfter(doc_, s, r))
                        : r.first_token <= s.first_token + 6) {
          fallback = r.entity;
          from_sentence = true;
          if (!doc_.korean) break;
        }
      }
      if (after_ellipsis && main_person_ >= 0) fallback = main_person_;
      // "where the chairman had lunch with ...": the person last named with
      // that title.
      if (!doc_.korean && !from_sentence) {
        if (const int titled = TitledBefore(doc_, si, c, trigger); titled >= 0) fallback = titled;
      }
      // "I had dinner with ...": the speaker, the person the piece introduced.
      if (!doc_.korean && !from_sentence && first_person_ >= 0 && FirstPersonBefore(doc_, c, trigger) &&
          !Contains(objects, first_person_)) {
        fallback = first_person_;
      }
      // Inside a quotation with no subject ("…지난달 도쿄에서 아라카와 사장과
      // 만났고…"), the one speaking: in an interview, the person it is about.
      if (doc_.korean && !from_sentence && main_person_ >= 0 && InsideQuote(s, trigger) &&
          !Contains(objects, main_person_)) {
        fallback = main_person_;
      }
      if (fallback >= 0 && !Contains(objects, fallback)) {
        subject.push_back(fallback);
        confidence -= 0.1f;
      }
    }

    Frame base;
    base.sentence = si;
    base.gathering = doc_.AnyIn(c.first, c.last, kCueGroupEvent | kCueGroupMark);
    base.confidence = confidence;
    SetStatus(s, c, trigger, &base);
    base.hearsay = doc_.AnyIn(c.first, c.last, kCueHearsay);
    const bool remote = doc_.AnyIn(c.first, c.last, kCueRemote);
    base.place = remote ? PlaceChoice{} : ChoosePlace(doc_, s, c.first, c.last);
    if (base.place.rank == 0 && !remote) base.place = ChoosePlace(doc_, s, s.first_token, s.last_token);
    // No place in the sentence: the city or site the text has just put the
    // people in ("He arrived in Seoul on Monday. On Tuesday he met ...").
    for (size_t back = 1; base.place.rank == 0 && !remote && back <= 2 && back <= si; ++back) {
      const SentenceRefs& prev = doc_.sentences[si - back];
      // Not the place of another meeting: "Lee sat down with Nadella at
      // Microsoft's headquarters. Chey also had dinner with Altman."
      if (!SharesMeetingOf(si - back, subject, objects)) break;
      PlaceChoice p = ChoosePlace(doc_, prev, prev.first_token, prev.last_token);
      if (p.rank >= 3) {
        base.place = p;
        base.place_from_context = true;
        base.confidence -= 0.05f;
      }
    }
    base.date = ChooseDate(doc_, s, c.first, c.last, trigger, last_day_);
    if (!base.date.found) base.date = ChooseDate(doc_, s, s.first_token, s.last_token, trigger, last_day_);
    // No time in the sentence: a story goes on at the day it has just named
    // ("On Monday he flew to Austin. Hours after landing, he had dinner
    // with ..."). The nearest earlier time of the last two body sentences,
    // when it fixes a day; a headline or byline is no narrative.
    for (size_t back = 1; !base.date.found && base.status == EventStatus::kOccurred && back <= 2 &&
                          back <= si && !IsHeadline(doc_, doc_.sentences[si - back]);
         ++back) {
      const SentenceRefs& prev = doc_.sentences[si - back];
      const DateChoice d = ChooseDate(doc_, prev, prev.first_token, prev.last_token, prev.last_token, last_day_);
      if (!d.found) continue;
      if (IsCompleteDate(d.day)) {
        base.date = d;
        base.confidence -= 0.05f;
      }
      break;
    }
    if (base.status == EventStatus::kOccurred && IsCompleteDate(base.date.day) &&
        IsCompleteDate(doc_.published) && DayNumber(base.date.day) > DayNumber(doc_.published)) {
      base.status = EventStatus::kPlanned;
    }
    if (base.status == EventStatus::kPlanned && !base.past_plan) PlanForward(&base.date);
    base.topics = FindTopics(doc_.text, s.begin, s.end);

    const bool gathering = doc_.AnyIn(c.first, c.last, kCueGroupEvent | kCueGroupMark | kCueJoin);
    // "met A, B and C" with nobody found as the one who met them: a wrong
    // three-way meeting would be worse than none.
    // (Korean "A와 B의 회동" names the pair without a subject: one meeting.)
    if (!doc_.korean && !gathering && subject.empty() && objects.size() >= 2) return;
    // "The two met again with their investors, A and B": a pair that meets a
    // list meets it together.
    // "met A and B" is one meeting of three; a list introduced as a selection
    // ("including", "such as", "among them") is one meeting per counterpart.
    // Only two names joined by "and" with at most their titles between, and
    // no "separate" meetings ("met Park and Lee in separate events").
    bool pair_of_objects = false;
    if (!doc_.korean && objects.size() == 2) {
      const EntityRef* a = nullptr;
      const EntityRef* b = nullptr;
      for (const EntityRef* r : refs) {
        if (r->entity == objects[0] && a == nullptr) a = r;
        if (r->entity == objects[1] && b == nullptr) b = r;
      }
      if (a != nullptr && b != nullptr && a->last_token <= b->first_token &&
          b->first_token <= a->last_token + 6) {
        bool joined = false, other = false;
        for (uint32_t i = a->last_token; i < b->first_token; ++i) {
          const std::string_view w = doc_.Token(i);
          joined |= w == "and";
          other |= IsTrigger(doc_, s, i) || w == "including" || w == "such" || w == "among";
        }
        for (uint32_t i = c.first; i < c.last; ++i) other |= doc_.Token(i).starts_with("separate");
        pair_of_objects = joined && !other;
      }
    }
    const bool group =
        gathering || objects.size() < 2 || subject.empty() || plural_subject || pair_of_objects;
    if (group) {
      Frame f = base;
      f.people = subject;
      for (int e : objects) AddUnique(&f.people, e);
      Push(std::move(f));
    } else {
      // "met over 20 leaders, including Huang, Pichai and Nadella": one
      // meeting per named counterpart.
      for (int o : objects) {
        Frame f = base;
        f.people = subject;
        AddUnique(&f.people, o);
        Push(std::move(f));
      }
    }
    if (!subject.empty()) topic_ = subject.front();
  }

  // "김 대변인은 하 대표가 ... 만났다고 밝혔다": the topic (은/는) reports what the
  // embedded subject (이/가) did; the reporter takes no part.
  void DropKoreanReporter(const SentenceRefs& s, const Clause& c, uint32_t trigger,
                          const std::vector<const EntityRef*>& refs, std::vector<int>* subject) const {
    if (!doc_.AnyIn(trigger + 1, c.last, kCueSpeech)) return;
    std::vector<int> reporters;
    bool embedded = false;
    for (const EntityRef* r : refs) {
      const std::string_view p = ParticleAfter(doc_, s, *r);
      if (IsTopicParticle(p) && r->first_token < trigger) reporters.push_back(r->entity);
      if ((p == "이" || p == "가") && r->first_token < trigger) embedded = true;
    }
    if (!embedded || reporters.empty()) return;
    subject->erase(std::remove_if(subject->begin(), subject->end(),
                                  [&](int e) { return Contains(reporters, e); }),
                   subject->end());
  }

  // "Chey, who met Huang last week, said that he would meet Nadella": a
  // pronoun subject of a later clause is the sentence's own subject.
  void PronounToSentenceSubject(const SentenceRefs& s, const Clause& c,
                                const std::vector<const EntityRef*>& refs, std::vector<int>* subject,
                                std::vector<int>* objects) const {
    if (c.first == s.first_token || s.persons.empty() || subject->size() != 1) return;
    const EntityRef& head = s.persons.front();
    if (head.first_token > s.first_token + 6 || head.first_token >= c.first) return;
    for (const EntityRef* r : refs) {
      if (r->entity != subject->front()) continue;
      const std::string_view w = doc_.text.substr(r->begin, r->end - r->begin);
      if (w != "he" && w != "she" && w != "He" && w != "She") return;
      if (head.entity == r->entity || Contains(*objects, head.entity)) return;
      (*subject)[0] = head.entity;
      return;
    }
  }

  void SetStatus(const SentenceRefs& s, const Clause& c, uint32_t trigger, Frame* f) {
    bool negated = doc_.AnyIn(c.first, c.last, kCueDenied);
    for (uint32_t i = c.first; i < c.last && !negated; ++i) {
      if (!IsTrigger(doc_, s, i)) continue;
      if (doc_.korean) {
        // 만나지 못했다, 회동은 끝내 성사되지 않았다: a -지 않다/못하다 right after.
        for (uint32_t j = i + 1; j < c.last && j <= i + 5 && !negated; ++j) {
          const std::string_view prev = doc_.Token(j - 1);
          negated = doc_.Has(j, kCueNegation) &&
                    (j == i + 1 || (prev.size() >= 3 && prev.substr(prev.size() - 3) == "지"));
        }
      } else {
        negated = doc_.AnyIn(i >= c.first + 3 ? i - 3 : c.first, i, kCueNegation);
      }
    }
    if (negated) {
      f->status = EventStatus::kDenied;
      return;
    }
    if (doc_.korean) {
      KoreanPlan(c, trigger, f);
      return;
    }
    // English marks a plan before the verb ("is expected to meet"); when the
    // meeting is a noun, after it too ("the meeting ... is expected to take place").
    const bool noun = doc_.Has(trigger, kCueGroupEvent | kCueGroupMark) && !IsPersonVisit(doc_, s, trigger);
    const uint32_t end = noun ? c.last : trigger + 1;
    if (doc_.AnyIn(c.first, end, kCuePastPlan)) {
      f->status = EventStatus::kPlanned;
      f->past_plan = true;
    } else if (doc_.AnyIn(c.first, end, kCuePlanned) || WillContraction(c.first, end)) {
      f->status = EventStatus::kPlanned;
    }
  }

  // "I'll", "we'll", "she'll" (one token each): the future, a plan.
  bool WillContraction(uint32_t first, uint32_t last) const {
    for (uint32_t i = first; i < last; ++i) {
      const std::string_view w = doc_.Token(i);
      if (w.size() > 3 && (w.ends_with("'ll") || w.ends_with("\xE2\x80\x99ll"))) return true;
    }
    return false;
  }

  // Korean marks a plan after the verb, as a predicate: 만날 예정이다, 논의할
  // 계획이다, 예정이었다 (was planned); not as a noun with a case particle
  // (증설 계획을 설명했다). 오는 (coming) before the verb marks one too. The cue
  // must sit before the next comma after the last meeting word.
  void KoreanPlan(const Clause& c, uint32_t trigger, Frame* f) const {
    const SentenceRefs& s = *clause_sentence_;
    uint32_t last_trigger = trigger;
    for (uint32_t i = trigger; i < c.last; ++i) {
      if (IsTrigger(doc_, s, i)) last_trigger = i;
    }
    uint32_t end = last_trigger + 1;
    while (end < c.last && doc_.Token(end) != ",") ++end;
    for (uint32_t i = c.first; i < end; ++i) {
      if (!doc_.Has(i, kCuePlanned | kCuePastPlan)) continue;
      if (i < trigger && doc_.Token(i) != "오는" && !doc_.Has(i, kCuePastPlan)) continue;
      std::string_view next = i + 1 < doc_.tokens().size() ? doc_.Token(i + 1) : std::string_view();
      const bool particle = i + 1 < doc_.tokens().size() &&
                            doc_.tokens()[i + 1].kind == TokenKind::kParticle;
      if (particle && IsCaseParticle(next)) continue;
      f->status = EventStatus::kPlanned;
      if (doc_.Has(i, kCuePastPlan) || next.rfind("이었", 0) == 0 || next.rfind("였", 0) == 0) {
        f->past_plan = true;
      }
    }
  }

  // A planned meeting lies ahead: a weekday or a bare day of month that the
  // time normaliser put before publication ("is scheduled to meet ... on
  // Friday", "24일 ... 가질 예정") moves to the next such day.
  void PlanForward(DateChoice* date) const {
    if (!IsCompleteDate(date->day) || !IsCompleteDate(doc_.published) || date->expression == nullptr ||
        date->expression->anchor != TimeAnchor::kPublication ||
        DayNumber(date->day) >= DayNumber(doc_.published)) {
      return;
    }
    const std::string_view words = doc_.text.substr(date->expression->begin,
                                                     date->expression->end - date->expression->begin);
    // An explicit past ("지난 16일", "last Friday") stays where it is.
    if (HasMonthWord(words) || words.find("지난") != std::string_view::npos ||
        words.find("last") != std::string_view::npos) {
      return;
    }
    CivilDate moved = HasWeekdayWord(words) ? AddDays(date->day, 7) : AddMonths(date->day, 1);
    if (!IsCompleteDate(moved) || (moved.day != date->day.day && !HasWeekdayWord(words))) return;
    date->day = moved;
    date->date = IsoDay(moved);
  }

  // True when sentence `si` reported no meeting, or one with some of these people.
  bool SharesMeetingOf(size_t si, const std::vector<int>& subject, const std::vector<int>& objects) const {
    bool any = false;
    for (const Frame& f : frames_) {
      if (f.sentence != si) continue;
      any = true;
      for (int e : f.people) {
        if (Contains(subject, e) || Contains(objects, e)) return true;
      }
    }
    return !any;
  }

  void Push(Frame f) {
    if (IsCompleteDate(f.date.day)) last_day_ = f.date.day;
    frames_.push_back(std::move(f));
    if (frames_.back().people.size() >= 2) last_group_ = static_cast<int>(frames_.size()) - 1;
    last_frame_ = static_cast<int>(frames_.size()) - 1;
  }

  // A gathering of the sentence before, told without two people ("4자 회동이
  // 이어졌다"), when clause `c` joins people to something but holds no
  // meeting word of its own ("... A, B가 참석했다"); else -1.
  // Also a clause that only lists two or more titled people ("The Korean side
  // was led by A, chairman of X, and included B, chief executive of Y"; "Across
  // the table sat C, chairman of Z"), up to two sentences after the gathering.
  int OpenGathering(size_t si, const SentenceRefs& s, const Clause& c,
                    const std::vector<const EntityRef*>& refs) const {
    if (si == 0) return -1;
    const bool join = doc_.AnyIn(c.first, c.last, kCueJoin);
    size_t titled = 0;
    for (const EntityRef* r : refs) titled += !doc_.entities->entities[r->entity].title.empty();
    const bool listing = !doc_.korean && titled >= 2 && titled == refs.size();
    if (!join && !listing) return -1;
    for (uint32_t i = c.first; i < c.last; ++i) {
      if (IsTrigger(doc_, s, i)) return -1;
    }
    for (int f = static_cast<int>(frames_.size()) - 1; f >= 0; --f) {
      if (frames_[f].sentence + (listing ? 2 : 1) < si) break;
      if (frames_[f].gathering && frames_[f].people.size() < 2) return f;
      // (A listing may go on from the sentence before it.)
      if (listing && frames_[f].gathering && frames_[f].from_listing) return f;
    }
    return -1;
  }

  // People who accompanied or joined: added to frame `forced` when given,
  // else to the latest recent meeting that shares someone with the clause,
  // else to the latest recent meeting.
  bool Attach(size_t si, const SentenceRefs& s, const Clause& c, const std::vector<const EntityRef*>& refs,
              int forced) {
    int target = forced;
    for (int f = static_cast<int>(frames_.size()) - 1; f >= 0 && forced < 0; --f) {
      if (frames_[f].sentence + 3 < si) break;
      if (target < 0) target = f;
      bool shares = false;
      for (const EntityRef* r : refs) shares = shares || Contains(frames_[f].people, r->entity);
      if (shares) {
        target = f;
        break;
      }
    }
    if (target < 0) return false;
    // "당초 이 자리에는 서 회장도 참석할 예정이었으나 불참했다", "Choi did not join
    // the talks": someone who was to join and did not is no participant.
    if (StayedAway(doc_, c)) return true;
    // Joiners are introduced with their role ("Hanbit Semiconductor President
    // Choi", "이음AI의 백승우 CTO"); a bare name in such a sentence is usually
    // a company ("companies such as Flagship Pioneering were also included").
    for (const EntityRef* r : refs) {
      const DocEntity& e = doc_.entities->entities[r->entity];
      if (e.title.empty() && e.kb_id.empty() && !Contains(frames_[target].people, r->entity) &&
          !NamedByJoin(doc_, s, c, *r)) {
        continue;
      }
      AddUnique(&frames_[target].people, r->entity);
    }
    if (frames_[target].people.size() >= 2) last_group_ = target;
    return true;
  }

  // True when token `at` lies inside quotation marks opened earlier in the
  // sentence (straight quotes counted in pairs, curly ones by kind), or the
  // sentence ends a quotation opened in an earlier one.
  bool InsideQuote(const SentenceRefs& s, uint32_t at) const {
    int straight = 0, curly = 0;
    for (uint32_t i = s.first_token; i < at; ++i) {
      const std::string_view w = doc_.Token(i);
      if (w == "\"") ++straight;
      if (w == "\u201C") ++curly;
      if (w == "\u201D") --curly;
    }
    if (straight % 2 == 1 || curly > 0) return true;
    // A quotation opened in an earlier sentence closes later in this one: an
    // odd number of straight marks after `at`, or a closing curly mark first.
    int straight_after = 0;
    for (uint32_t i = at; i < s.last_token; ++i) {
      const std::string_view w = doc_.Token(i);
      if (w == "\u201C") break;
      if (w == "\u201D") return true;
      if (w == "\"") ++straight_after;
    }
    return straight == 0 && straight_after % 2 == 1;
  }

  void UpdateTopic(const SentenceRefs& s) {
    if (doc_.korean) {
      for (const EntityRef& r : s.persons) {
        if (IsTopicParticle(ParticleAfter(doc_, s, r))) topic_ = r.entity;
      }
      return;
    }
    if (!s.persons.empty() && s.persons.front().first_token < s.first_token + 4) {
      topic_ = s.persons.front().entity;
    }
  }

  // "당초 ... 만날 예정이었다" followed by "무산됐다": the plan was cancelled.
  void ResolvePastPlans() {
    for (Frame& f : frames_) {
      if (!f.past_plan) continue;
      for (size_t k = f.sentence + 1; k < doc_.sentences.size() && k <= f.sentence + 3; ++k) {
        const SentenceRefs& s = doc_.sentences[k];
        if (doc_.AnyIn(s.first_token, s.last_token, kCueDenied)) {
          f.status = EventStatus::kDenied;
          break;
        }
      }
    }
    // A denial of the same people cancels their plan and refutes a report of
    // their meeting; a plan told after the denial is a new one ("the visit
    // was cancelled ... she will fly to Michigan instead").
    for (const Frame& d : frames_) {
      if (d.status != EventStatus::kDenied || d.people.size() < 2) continue;
      for (Frame& p : frames_) {
        if (p.status != EventStatus::kPlanned && !p.hearsay) continue;
        if (!p.hearsay && p.sentence > d.sentence) continue;
        bool all = true;
        for (int e : d.people) all = all && Contains(p.people, e);
        if (all) p.status = EventStatus::kDenied;
      }
    }
  }

  std::vector<Meeting> Finish() {
    std::vector<Meeting> out;
    std::vector<bool> weak_place;  // parallel to out: place taken from context
    for (const Frame& f : frames_) {
      if (f.people.size() < 2) continue;
      std::vector<int> key = f.people;
      std::sort(key.begin(), key.end());
      bool merged = false;
      for (Meeting& m : out) {
        std::vector<int> other = m.participants;
        std::sort(other.begin(), other.end());
        if (other != key || m.status != f.status) continue;
        // The same people and status: one meeting when the dates agree or
        // one of the two statements gives none.
        const bool undated = f.date.date.empty() && f.date.hint.empty();
        const bool m_undated = m.date.empty() && m.date_hint.empty();
        if (!undated && !m_undated && (m.date != f.date.date || m.date_hint != f.date.hint)) continue;
        if (m_undated) {
          m.date = f.date.date;
          m.date_hint = f.date.hint;
        }
        const size_t at = static_cast<size_t>(&m - out.data());
        if (m.place.empty() || (weak_place[at] && !f.place_from_context && !f.place.name.empty())) {
          m.place = f.place.name;
          m.place_kb_id = f.place.kb_id;
          weak_place[at] = f.place_from_context;
        }
        for (const std::string& t : f.topics) {
          if (std::find(m.topics.begin(), m.topics.end(), t) == m.topics.end()) m.topics.push_back(t);
        }
        merged = true;
        break;
      }
      if (merged) continue;
      Meeting m;
      m.participants = f.people;
      m.date = f.date.date;
      m.date_hint = f.date.hint;
      m.place = f.place.name;
      m.place_kb_id = f.place.kb_id;
      m.status = f.status;
      m.topics = f.topics;
      const SentenceRefs& s = doc_.sentences[f.sentence];
      m.evidence_begin = s.begin;
      m.evidence_end = s.end;
      m.confidence = std::min(0.95f, f.confidence + (f.date.found ? 0.05f : 0.f) +
                                         (f.place.rank > 0 ? 0.05f : 0.f));
      out.push_back(std::move(m));
      weak_place.push_back(f.place_from_context);
    }
    return out;
  }

  const EventDoc& doc_;
  const SentenceRefs* clause_sentence_ = nullptr;
  std::vector<Frame> frames_;
  int topic_ = -1;       // the person the text is about (subject of the last statement)
  int main_person_ = -1; // the most mentioned person of the document
  int first_person_ = -1; // the first person the opening sentences name
  int last_group_ = -1;  // latest frame with two or more people
  int last_frame_ = -1;
  CivilDate last_day_;   // day of the latest dated meeting, for "the following day"
};

}  // namespace

std::vector<Meeting> FindMeetings(const EventDoc& doc) { return MeetingFinder(doc).Run(); }

}  // namespace tg::extract
