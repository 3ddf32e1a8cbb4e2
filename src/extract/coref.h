#pragma once
// Within-document resolution of person mentions: groups full-name mentions
// into entities and points every later short form at one of them:
// surnames ("Lee", "Huang", "이 회장", "최 회장은"), title + surname
// ("Chairman Lee"), organisation + title with no name ("the Meta chief",
// "the LG chief"), and third-person pronouns ("he", "his", "she", "her")
// when exactly one person is in play. Two people sharing a surname stay
// apart: a short form goes to the candidate whose title or organisation
// agrees with it, else to the nearest preceding one. Pure function; thread-safe.
#include <string_view>
#include <vector>

#include "extract/entity.h"
#include "extract/kb.h"
#include "extract/patterns.h"
#include "text/tokenize.h"

namespace tg::extract {

// `mentions`: PERSON/ORG/PLACE mentions found by KB, tagger and patterns,
// sorted by begin, non-overlapping. `roles`: the pattern matches. Returns the
// person, organisation and place entities with all their mentions (resolved
// short forms added with kFromCoref), title and organisation of persons.
std::vector<DocEntity> ResolveEntities(std::string_view text, const text::Analysis& analysis,
                                       const std::vector<Mention>& mentions,
                                       const std::vector<RoleMatch>& roles,
                                       const KnowledgeBase* kb);

}  // namespace tg::extract
