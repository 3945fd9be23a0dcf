#pragma once
#include "model/domain/MutualAidBinding.h"
#include "model/domain/Person.h"

namespace gongji {

// An active binding with both people, for reports that judge many bindings at once.
struct BindingWithPersons
{
    MutualAidBinding binding;
    Person authorizer;
    Person target;
};

} // namespace gongji
