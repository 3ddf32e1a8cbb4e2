#include "extract/entity.h"

namespace tg::extract {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kPlace: return "PLACE";
    case EntityType::kDate: return "DATE";
    case EntityType::kTime: return "TIME";
    case EntityType::kTitle: return "TITLE";
  }
  return "";
}

}  // namespace tg::extract
