#include "extract/event_cues.h"

#include <algorithm>
#include <bitset>
#include <string>
#include <unordered_map>

#include "core/utf8.h"
#include "text/line_stats.h"  // AsciiLower

namespace tg::extract {
namespace {

// One cue phrase: space-separated words, matched token by token. English
// words match the lower-cased token exactly; a word ending in '*' matches any
// token it begins (Korean stems: 만나* covers 만나고, 만나서). Written for
// tiegraph from the usual wording of business news.
struct CuePhrase {
  const char* words;
  uint32_t bits;
};

constexpr CuePhrase kPhrases[] = {
    // --- English: meeting words (two-party) ---
    {"met", kCueMeet}, {"meet", kCueMeet}, {"meets", kCueMeet}, {"meeting with", kCueMeet},
    {"met up", kCueMeet}, {"held talks", kCueMeet}, {"hold talks", kCueMeet},
    {"holds talks", kCueMeet}, {"holding talks", kCueMeet}, {"talks with", kCueMeet},
    {"sat down with", kCueMeet}, {"sit down with", kCueMeet}, {"sits down with", kCueMeet},
    {"dined with", kCueMeet}, {"dines with", kCueMeet}, {"dine with", kCueMeet},
    {"had dinner with", kCueMeet}, {"had lunch with", kCueMeet},
    {"had breakfast with", kCueMeet}, {"hosted", kCueMeet}, {"hosts", kCueMeet},
    {"host", kCueMeet}, {"was hosted", kCueMeet}, {"were hosted", kCueMeet},
    {"welcomed", kCueMeet}, {"received", kCueMeet},
    {"held discussions", kCueMeet}, {"held a meeting", kCueMeet}, {"spoke with", kCueMeet},
    {"spoke by phone", kCueMeet | kCueRemote}, {"spoke by telephone", kCueMeet | kCueRemote}, {"phone call", kCueMeet | kCueRemote},
    {"phone call with", kCueMeet | kCueRemote}, {"talked with", kCueMeet}, {"conferred with", kCueMeet},
    {"paid a courtesy call", kCueMeet}, {"courtesy call", kCueMeet},
    {"first met", kCueMeet}, {"greeted", kCueMeet}, {"shook hands with", kCueMeet},
    {"huddled with", kCueMeet}, {"posed with", kCueMeet}, {"posed for photos with", kCueMeet},
    {"paid a visit to", kCueMeet}, {"met privately", kCueMeet}, {"talks between", kCueMeet | kCueGroupMark},
    {"meeting between", kCueMeet | kCueGroupMark}, {"summit with", kCueMeet}, {"dialogue with", kCueMeet}, {"last met", kCueMeet}, {"met with", kCueMeet},
    // "they last met": the people of the meeting just reported (only with a
    // history, since a bare "they met" is as often two companies).
    {"they last met", kCueTwo}, {"they first met", kCueTwo}, {"they had met", kCueTwo},
    {"they have met", kCueTwo}, {"they had last met", kCueTwo}, {"they had first met", kCueTwo},
    // A signing is a meeting of the people who sign ("was signed ... by A and B").
    {"was signed", kCueGroupEvent | kCueMeetingRef}, {"were signed", kCueGroupEvent | kCueMeetingRef},
    {"signing ceremony", kCueGroupEvent | kCueMeetingRef}, {"ceremony", kCueMeetingRef},
    // (Active "signed" names companies as often as people: both sides must be named.)
    {"discussed", kCueDiscuss}, {"signed", kCueDiscuss}, {"inked", kCueDiscuss},
    {"negotiated", kCueDiscuss}, {"caught up with", kCueMeet},
    {"shook hands", kCueMeet}, {"joint press conference", kCueGroupEvent | kCueMeetingRef},
    {"joint news conference", kCueGroupEvent | kCueMeetingRef},
    {"spoke on the phone", kCueMeet | kCueRemote}, {"spoke over the phone", kCueMeet | kCueRemote},
    {"talked by phone", kCueMeet | kCueRemote}, {"phoned", kCueMeet | kCueRemote},
    {"telephoned", kCueMeet | kCueRemote}, {"held a phone call", kCueMeet | kCueRemote},
    {"had a call with", kCueMeet | kCueRemote}, {"held a call with", kCueMeet | kCueRemote},
    {"virtual meeting", kCueGroupEvent | kCueMeetingRef | kCueRemote},
    {"online meeting", kCueGroupEvent | kCueMeetingRef | kCueRemote},
    {"had coffee with", kCueMeet}, {"had tea with", kCueMeet}, {"had drinks with", kCueMeet},
    {"had a meal with", kCueMeet}, {"shared a meal with", kCueMeet}, {"over drinks", kCueMeet},
    {"played golf with", kCueMeet}, {"a round of golf with", kCueMeet}, {"called on", kCueMeet},
    {"paid a courtesy call on", kCueMeet}, {"exchanged views with", kCueMeet},
    {"held separate talks", kCueMeet}, {"held private talks", kCueMeet},
    {"held closed-door talks", kCueMeet}, {"had a meeting with", kCueMeet},
    {"had talks", kCueMeet}, {"sitting down with", kCueMeet}, {"having dinner with", kCueMeet},
    {"having lunch with", kCueMeet}, {"lunched with", kCueMeet}, {"hosting", kCueMeet},
    {"toured", kCueMeet | kCueTrip}, {"visited", kCueVisit | kCueTrip},
    {"visit", kCueVisit | kCueTrip}, {"visits", kCueVisit | kCueTrip},
    {"visiting", kCueVisit | kCueTrip},
    // --- English: gatherings ---
    {"roundtable", kCueGroupEvent | kCueMeetingRef}, {"round-table", kCueGroupEvent | kCueMeetingRef},
    {"video conference", kCueGroupEvent | kCueMeetingRef | kCueRemote},
    {"videoconference", kCueGroupEvent | kCueMeetingRef | kCueRemote},
    {"video call", kCueGroupEvent | kCueMeetingRef | kCueRemote}, {"conference call", kCueGroupEvent | kCueMeetingRef | kCueRemote},
    {"summit", kCueGroupEvent | kCueMeetingRef}, {"dinner", kCueGroupEvent | kCueMeetingRef},
    {"lunch", kCueGroupEvent | kCueMeetingRef}, {"luncheon", kCueGroupEvent | kCueMeetingRef},
    {"breakfast", kCueGroupEvent | kCueMeetingRef}, {"session", kCueGroupEvent | kCueMeetingRef},
    {"coffee", kCueGroupEvent | kCueMeetingRef}, {"over coffee", kCueMeet},
    {"over dinner", kCueMeet}, {"over lunch", kCueMeet}, {"over breakfast", kCueMeet},
    {"three-way", kCueGroupMark}, {"four-way", kCueGroupMark}, {"trilateral", kCueGroupMark},
    {"together", kCueGroupMark},
    // --- English: joining, references ---
    {"accompanied", kCueJoin}, {"accompanying", kCueJoin}, {"accompany", kCueJoin},
    {"accompanies", kCueJoin}, {"joined", kCueJoin}, {"join", kCueJoin}, {"joins", kCueJoin},
    {"joining", kCueJoin}, {"attended", kCueJoin}, {"took part", kCueJoin}, {"sat in", kCueJoin},
    {"was present", kCueJoin}, {"were present", kCueJoin}, {"also included", kCueJoin},
    {"alongside", kCueJoin},
    // A delegation's members, listed after its meeting ("The Korean side was
    // led by A and included B"; "Across the table sat C").
    {"was led by", kCueJoin}, {"were led by", kCueJoin}, {"headed by", kCueJoin},
    {"included", kCueJoin}, {"across the table", kCueJoin},
    {"the visitors", kCueGroupMark}, {"the delegation", kCueGroupMark},
    {"meeting", kCueMeetingRef}, {"talks", kCueMeetingRef}, {"discussions", kCueMeetingRef},
    {"call", kCueMeetingRef}, {"conference", kCueMeetingRef}, {"gathering", kCueMeetingRef},
    {"tour", kCueMeetingRef}, {"meetings", kCueMeetingRef},
    {"trip", kCueTrip}, {"journey", kCueTrip}, {"delegation", kCueTrip}, {"flew", kCueTrip},
    {"travel", kCueTrip}, {"traveled", kCueTrip}, {"travelled", kCueTrip}, {"tour of", kCueTrip},
    // --- English: status ---
    {"will", kCuePlanned}, {"'ll", kCuePlanned}, {"is expected to", kCuePlanned},
    {"are expected to", kCuePlanned}, {"is set to", kCuePlanned}, {"are set to", kCuePlanned},
    {"is scheduled to", kCuePlanned}, {"are scheduled to", kCuePlanned},
    {"is slated to", kCuePlanned}, {"plans to", kCuePlanned}, {"plan to", kCuePlanned},
    {"planning to", kCuePlanned}, {"is due to", kCuePlanned}, {"is to", kCuePlanned},
    {"are to", kCuePlanned}, {"is likely to", kCuePlanned}, {"intends to", kCuePlanned},
    {"upcoming", kCuePlanned}, {"is due in", kCuePlanned}, {"are due in", kCuePlanned},
    {"is due at", kCuePlanned}, {"are due at", kCuePlanned},
    {"hopes to", kCuePlanned}, {"is scheduled for", kCuePlanned}, {"are scheduled for", kCuePlanned},
    {"is slated for", kCuePlanned}, {"is planned", kCuePlanned}, {"are planned", kCuePlanned}, {"would", kCuePlanned}, {"is expected in", kCuePlanned},
    {"was supposed to", kCuePastPlan}, {"were supposed to", kCuePastPlan},
    {"had been scheduled", kCuePastPlan}, {"had been expected", kCuePastPlan},
    {"had planned", kCuePastPlan}, {"was to have", kCuePastPlan}, {"originally", kCuePastPlan},
    {"was scheduled to", kCuePastPlan}, {"was expected to", kCuePastPlan},
    {"denied", kCueDenied}, {"denies", kCueDenied}, {"deny", kCueDenied},
    {"dismissed", kCueDenied}, {"refuted", kCueDenied}, {"cancelled", kCueDenied}, {"canceled", kCueDenied}, {"called off", kCueDenied},
    {"scrapped", kCueDenied}, {"fell through", kCueDenied}, {"did not take place", kCueDenied},
    {"skipped", kCueDenied}, {"was not part of", kCueDenied}, {"could not attend", kCueDenied},
    {"not", kCueNegation}, {"never", kCueNegation}, {"didn't", kCueNegation},
    {"hasn't", kCueNegation}, {"haven't", kCueNegation}, {"wasn't", kCueNegation},
    {"won't", kCueNegation}, {"couldn't", kCueNegation}, {"no", kCueNegation},
    {"declined to", kCueNegation}, {"refused to", kCueNegation},
    // --- English: anaphors, speech, places ---
    {"the two", kCueTwo}, {"both", kCueTwo}, {"the pair", kCueTwo}, {"the two men", kCueTwo},
    {"the two women", kCueTwo}, {"the two executives", kCueTwo}, {"the two leaders", kCueTwo},
    {"the three", kCueMany}, {"the three men", kCueMany}, {"the three executives", kCueMany},
    {"all three", kCueMany}, {"the four", kCueMany}, {"all four", kCueMany}, {"the five", kCueMany},
    {"all five", kCueMany}, {"the six", kCueMany},
    {"report", kCueHearsay}, {"reports", kCueHearsay}, {"reported", kCueHearsay},
    {"보도*", kCueHearsay}, {"said", kCueSpeech}, {"says", kCueSpeech}, {"told", kCueSpeech}, {"according to", kCueSpeech},
    {"whether", kCueQuestion}, {"asked if", kCueQuestion},
    {"home", kCueHome}, {"house", kCueHome}, {"residence", kCueHome},
    {"headquarters", kCueSiteHead}, {"hq", kCueSiteHead}, {"head office", kCueSiteHead},
    {"campus", kCueSiteHead}, {"guesthouse", kCueSiteHead}, {"guest house", kCueSiteHead},
    {";", kCueClauseEnd}, {", while", kCueClauseEnd}, {", and", kCueClauseEnd},
    {", but", kCueClauseEnd}, {", before", kCueClauseEnd}, {", after", kCueClauseEnd},
    {", whereas", kCueClauseEnd}, {"…", kCueClauseEnd}, {"...", kCueClauseEnd},

    // --- Korean: meeting words ---
    {"만나*", kCueMeet}, {"만났*", kCueMeet}, {"만난*", kCueMeet}, {"만날*", kCueMeet | kCuePlanned},
    {"만남*", kCueMeet}, {"회동*", kCueMeet | kCueMeetingRef}, {"면담*", kCueMeet | kCueMeetingRef},
    {"회담*", kCueMeet | kCueMeetingRef},
    {"정상회담*", kCueMeet | kCueMeetingRef}, {"조우*", kCueMeet}, {"상견례*", kCueMeet},
    {"마주했*", kCueMeet}, {"좌담회*", kCueGroupEvent | kCueMeetingRef}, {"미팅*", kCueMeet | kCueMeetingRef},
    {"접견*", kCueMeet}, {"예방했*", kCueMeet}, {"예방해*", kCueMeet}, {"예방하고", kCueMeet},
    {"대화 를 나눴*", kCueMeet}, {"둘러봤*", kCueMeet}, {"둘러보*", kCueMeet},
    {"시찰*", kCueMeet}, {"안내하*", kCueMeet}, {"안내했*", kCueMeet}, {"대화 를 나누*", kCueMeet}, {"회견*", kCueMeetingRef}, {"환담*", kCueMeet}, {"대담*", kCueMeet}, {"통화*", kCueMeet | kCueRemote},
    {"인연 을 맺*", kCueMeet}, {"마주 앉*", kCueMeet}, {"찾아*", kCueVisit | kCueTrip},
    {"대화 를 나눈*", kCueMeet}, {"인사 를 나눴*", kCueMeet}, {"인사 를 나눈*", kCueMeet},
    {"인사 를 나누*", kCueMeet}, {"머리 를 맞댔*", kCueMeet}, {"머리 를 맞대*", kCueMeet},
    {"손 을 맞잡*", kCueMeet},
    // Talks told by what was discussed: "A 회장과 B 대표는 ... 방안을 논의했다".
    {"논의*", kCueDiscuss}, {"협의했*", kCueDiscuss},
    {"협의하*", kCueDiscuss}, {"의견 을 나눴*", kCueDiscuss}, {"의견 을 나누*", kCueDiscuss},
    {"의견 을 교환*", kCueDiscuss}, {"체결했*", kCueDiscuss}, {"체결하*", kCueDiscuss},
    {"체결한*", kCueDiscuss}, {"합의했*", kCueDiscuss}, {"합의하*", kCueDiscuss},
    {"모색했*", kCueDiscuss}, {"의기투합*", kCueDiscuss}, {"맺었*", kCueDiscuss}, {"손잡*", kCueDiscuss},
    {"대화했*", kCueMeet}, {"대화하*", kCueMeet}, {"독대*", kCueMeet},
    // Receiving or consoling a person: "B CEO를 맞았다", "빈소를 찾아 B 회장을 위로했다".
    {"맞았*", kCueVisit}, {"맞아*", kCueVisit}, {"맞은*", kCueVisit}, {"위로했*", kCueVisit},
    {"위로하*", kCueVisit},
    {"티타임*", kCueGroupEvent | kCueMeetingRef}, {"차담*", kCueGroupEvent | kCueMeetingRef},
    // Photo captions: "A 회장(왼쪽)과 B 지사가 악수하고 있다", "... 기념촬영을 하고 있다",
    // "B 회장의 안내를 받고 있다".
    {"악수*", kCueMeet}, {"기념촬영*", kCueGroupEvent}, {"기념 촬영*", kCueGroupEvent},
    {"안내 를 받*", kCueMeet}, {"맞이했*", kCueMeet}, {"맞이하*", kCueMeet}, {"영접*", kCueMeet},
    {"자리 를 함께*", kCueMeet}, {"식사*", kCueGroupEvent | kCueMeetingRef},
    {"저녁 을 함께*", kCueMeet}, {"점심 을 함께*", kCueMeet}, {"아침 을 함께*", kCueMeet},
    {"공동 기자회견*", kCueGroupEvent | kCueMeetingRef},
    // A signing is a meeting of the people who sign (A 회장과 B CEO가 협약서에 서명했다).
    {"서명했*", kCueGroupEvent | kCueMeetingRef}, {"서명하*", kCueGroupEvent | kCueMeetingRef},
    {"서명식*", kCueMeetingRef}, {"협약식*", kCueMeetingRef}, {"체결식*", kCueMeetingRef},
    {"조인식*", kCueMeetingRef},
    {"방문*", kCueVisit | kCueTrip},
    // Receiving a visit: "X의 예방을 받고", "X의 방문을 받았다" (X visited the subject).
    {"예방 을 받*", kCueMeet}, {"방문 을 받*", kCueMeet},
    // --- Korean: gatherings ---
    {"만찬*", kCueGroupEvent | kCueMeetingRef}, {"오찬*", kCueGroupEvent | kCueMeetingRef},
    {"조찬*", kCueGroupEvent | kCueMeetingRef}, {"간담회*", kCueGroupEvent | kCueMeetingRef},
    {"라운드테이블*", kCueGroupEvent | kCueMeetingRef}, {"회의*", kCueGroupEvent | kCueMeetingRef},
    {"화상회의*", kCueGroupEvent | kCueMeetingRef | kCueRemote}, {"화상*", kCueRemote},
    {"전화*", kCueRemote}, {"by phone", kCueRemote}, {"virtually", kCueRemote}, {"함께*", kCueGroupMark},
    // --- Korean: joining, references ---
    {"동행*", kCueJoin}, {"배석*", kCueJoin}, {"동석*", kCueJoin}, {"참석*", kCueJoin},
    {"합류*", kCueJoin}, {"참여*", kCueJoin}, {"함께했*", kCueJoin}, {"자리했*", kCueJoin},
    {"포함됐*", kCueJoin}, {"포함돼*", kCueJoin},
    {"이 자리*", kCueMeetingRef}, {"그 자리*", kCueMeetingRef},
    {"출장*", kCueTrip}, {"순방*", kCueTrip}, {"방미*", kCueTrip}, {"방한*", kCueTrip},
    {"출국*", kCueTrip}, {"귀국*", kCueTrip},
    // --- Korean: status ---
    {"예정*", kCuePlanned}, {"계획*", kCuePlanned}, {"방침*", kCuePlanned}, {"오는", kCuePlanned},
    {"전망*", kCuePlanned}, {"예정이었*", kCuePastPlan}, {"당초", kCuePastPlan},
    {"부인*", kCueDenied}, {"일축*", kCueDenied}, {"무산*", kCueDenied}, {"취소*", kCueDenied}, {"불참*", kCueDenied}, {"불발*", kCueDenied},
    {"못*", kCueNegation}, {"않*", kCueNegation}, {"없었*", kCueNegation},
    // --- Korean: anaphors, speech, places ---
    {"두 사람*", kCueTwo}, {"양측*", kCueTwo}, {"두 정상*", kCueTwo}, {"두 수장*", kCueTwo},
    {"세 사람*", kCueMany}, {"네 사람*", kCueMany}, {"다섯 사람*", kCueMany},
    {"여섯 사람*", kCueMany}, {"세 정상*", kCueMany}, {"세 수장*", kCueMany}, {"네 정상*", kCueMany},
    {"밝혔*", kCueSpeech}, {"말했*", kCueSpeech}, {"전했*", kCueSpeech},
    {"자택*", kCueHome}, {"본사*", kCueSiteHead}, {"캠퍼스*", kCueSiteHead},
    {"영빈관*", kCueSiteHead}, {"사옥*", kCueSiteHead},
};

struct Word {
  std::string_view text;  // into kPhrases
  bool prefix = false;
};

struct Entry {
  std::vector<Word> words;
  uint32_t bits = 0;
};

// Phrases indexed by the first byte sequence that every matching token shares:
// the whole first word (exact) or its stem (prefix words, looked up by each
// of the token's leading code-point prefixes). Keys are views of the static
// phrase texts, so a lookup needs no string built from the token.
class CueIndex {
 public:
  CueIndex() {
    for (const CuePhrase& phrase : kPhrases) {
      Entry entry;
      entry.bits = phrase.bits;
      std::string_view rest = phrase.words;
      while (!rest.empty()) {
        const size_t space = rest.find(' ');
        std::string_view word = rest.substr(0, space);
        Word w;
        w.prefix = !word.empty() && word.back() == '*';
        if (w.prefix) word.remove_suffix(1);
        w.text = word;
        entry.words.push_back(w);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
      const Word& first = entry.words.front();
      if (first.prefix) {
        size_t pos = 0;
        stem_starts_.push_back(NextCodePoint(first.text, &pos));
        max_stem_bytes_ = std::max(max_stem_bytes_, first.text.size());
      }
      if (!first.prefix) exact_filter_.set(FilterKey(first.text));
      (first.prefix ? by_prefix_ : by_exact_)[first.text].push_back(std::move(entry));
    }
    std::sort(stem_starts_.begin(), stem_starts_.end());
  }

  const std::vector<Entry>* Exact(std::string_view token) const {
    if (token.empty() || !exact_filter_.test(FilterKey(token))) return nullptr;
    auto it = by_exact_.find(token);
    return it == by_exact_.end() ? nullptr : &it->second;
  }
  const std::vector<Entry>* Prefix(std::string_view stem) const {
    auto it = by_prefix_.find(stem);
    return it == by_prefix_.end() ? nullptr : &it->second;
  }
  // Whether some stem starts with code point `cp`: most tokens start none,
  // and then none of their prefixes needs a lookup.
  bool MayStartStem(char32_t cp) const {
    return std::binary_search(stem_starts_.begin(), stem_starts_.end(), cp);
  }
  size_t max_stem_bytes() const { return max_stem_bytes_; }

 private:
  // A bit per (length, first byte, last byte) of the exact first words,
  // folded to kFilterBits: most tokens start no phrase, and this turns them
  // away before the string hash and the map's node are paid for.
  static constexpr size_t kFilterBits = 4096;
  static size_t FilterKey(std::string_view word) {
    const size_t first = static_cast<unsigned char>(word.front());
    const size_t last = static_cast<unsigned char>(word.back());
    return (word.size() * 977 + first * 31 + last) % kFilterBits;
  }

  std::bitset<kFilterBits> exact_filter_;
  std::unordered_map<std::string_view, std::vector<Entry>> by_exact_;
  std::unordered_map<std::string_view, std::vector<Entry>> by_prefix_;
  std::vector<char32_t> stem_starts_;  // first code points of the stems, sorted
  size_t max_stem_bytes_ = 0;
};

const CueIndex& Index() {
  static const CueIndex index;
  return index;
}

bool WordMatches(const Word& word, std::string_view token) {
  return word.prefix ? token.starts_with(word.text) : token == word.text;
}

}  // namespace

TokenCues FindEventCues(std::string_view text, const text::Analysis& analysis) {
  const CueIndex& index = Index();
  const std::vector<text::Token>& tokens = analysis.tokens;
  TokenCues cues;
  cues.bits.assign(tokens.size(), 0);
  cues.length.assign(tokens.size(), 0);
  // The tokens as the phrases are written: Latin ones lower-cased into one
  // buffer (sized first, so that the views into it stay valid), others as they are.
  size_t latin_bytes = 0;
  for (const text::Token& t : tokens) {
    if (t.script == text::Script::kLatin) latin_bytes += t.size();
  }
  std::string folded(latin_bytes, '\0');
  std::vector<std::string_view> lower(tokens.size());
  size_t used = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view word = tokens[i].In(text);
    if (tokens[i].script != text::Script::kLatin) {
      lower[i] = word;
      continue;
    }
    text::AsciiLowerInto(word, folded.data() + used);
    lower[i] = std::string_view(folded.data() + used, word.size());
    used += word.size();
  }

  auto try_entries = [&](const std::vector<Entry>* entries, size_t i) {
    if (entries == nullptr) return;
    for (const Entry& entry : *entries) {
      if (i + entry.words.size() > tokens.size()) continue;
      bool ok = true;
      for (size_t w = 0; w < entry.words.size() && ok; ++w) {
        ok = WordMatches(entry.words[w], lower[i + w]);
      }
      if (!ok) continue;
      cues.bits[i] |= entry.bits;
      cues.length[i] = std::max<uint8_t>(cues.length[i], static_cast<uint8_t>(entry.words.size()));
    }
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view token = lower[i];
    try_entries(index.Exact(token), i);
    // Every leading code-point prefix of a Hangul token may be a listed stem
    // (only Korean cues are stems).
    size_t stem_limit = tokens[i].script == text::Script::kHangul ? std::min<size_t>(token.size(), 24) : 0;
    if (stem_limit > 0) {
      size_t first_end = 0;
      if (!index.MayStartStem(NextCodePoint(token, &first_end))) stem_limit = 0;
    }
    for (size_t len = 0; len < stem_limit && len < index.max_stem_bytes();) {
      NextCodePoint(token, &len);
      try_entries(index.Prefix(token.substr(0, len)), i);
    }
    // A Korean clause ends after a connective ending: 논의했고, 만나고, 밝혔으며.
    if (tokens[i].script == text::Script::kHangul && tokens[i].kind == text::TokenKind::kWord &&
        token.size() >= 6 && (token.ends_with("고") || token.ends_with("며")) &&
        i + 1 < tokens.size() && (lower[i + 1] == "," || token.ends_with("했고") ||
                                  token.ends_with("했으며") || token.ends_with("였고"))) {
      cues.bits[i] |= kCueClauseEnd;
    }
    // "서 회장이 하트먼 CEO를 만난 16일 ... 서 사장이 탁 사장과 만났다": the
    // adnominal 만난 closes a relative clause, which is a clause of its own
    // when the rest holds another meeting word (meeting_syntax.h).
    if (token == "만난" && i + 1 < tokens.size() && (tokens[i + 1].kind == text::TokenKind::kWord ||
                                                    tokens[i + 1].kind == text::TokenKind::kNumber)) {
      cues.bits[i] |= kCueClauseEnd;
    }
    // "3자 회동", "4자 회의": a number glued to 자 makes the gathering one event.
    if (tokens[i].kind == text::TokenKind::kNumber && i + 1 < tokens.size() &&
        !tokens[i + 1].space_before && lower[i + 1].starts_with("자")) {
      cues.bits[i] |= kCueGroupMark;
    }
  }
  return cues;
}

}  // namespace tg::extract
